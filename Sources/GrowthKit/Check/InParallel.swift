import Foundation

/// What `work` makes of each of `inputs`, on every core at once, in the
/// inputs' order. Each input is handed over, not copied: a worker that uses
/// up a large array frees it as it goes.
func inParallel<Input: Sendable, Output: Sendable>(
    _ inputs: consuming [Input], _ work: @Sendable (consuming Input) -> Output
) -> [Output] {
    let slots = ParallelSlots<Input, Output>(inputs)
    DispatchQueue.concurrentPerform(iterations: slots.count) { index in
        slots.put(work(slots.take(index)), at: index)
    }
    return slots.outputs
}

/// The inputs still to be taken and the outputs made, each in its own place.
private final class ParallelSlots<Input, Output>: @unchecked Sendable {
    private let lock = NSLock()
    private var inputs: [Input?]
    private var made: [Output?]
    let count: Int

    /// Each input is copied once, and `inputs` then dropped: what is left
    /// is the one copy, so a worker's input is its own.
    init(_ inputs: consuming [Input]) {
        count = inputs.count
        self.inputs = inputs.map { $0 }
        made = Array(repeating: nil, count: count)
    }

    func take(_ index: Int) -> Input { lock.withLock { inputs[index].take()! } }

    func put(_ output: Output, at index: Int) { lock.withLock { made[index] = output } }

    var outputs: [Output] { made.map { $0! } }
}
