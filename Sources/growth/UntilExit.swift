import Synchronization

/// What a command is done with just before the process ends, left for the
/// exit to reclaim: freeing a large school's model object by object takes a
/// tenth of a second on one core, and the kernel frees it all at once.
/// Only for what is made once per process: `growth serve` builds again and
/// again, and keeps nothing here.
enum UntilExit {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: some Sendable) { kept.withLock { $0.append(value) } }
}
