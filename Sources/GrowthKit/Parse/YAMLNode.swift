internal import CYaml
@preconcurrency internal import Yams

/// One node of a YAML document as growth reads it: a text, a list or a
/// mapping, with where it starts. Tags are not kept: every value is read as
/// the text it is written as.
struct YAMLNode {
    enum Value {
        /// The text, and whether it was written plain (unquoted), where
        /// `~`, `null` and nothing mean no value.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        /// Every pair in file order, duplicates included: they are reported.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var value: Value
    /// 1-based, in the YAML text (not the file).
    var line: Int
    /// 1-based, in characters.
    var column: Int

    /// The text of a scalar; nil for a list or a mapping.
    var text: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// Whether this is a scalar written plain.
    var isPlain: Bool {
        if case .scalar(_, let plain) = value { return plain }
        return false
    }

    var pairs: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }
}

extension YAMLNode {
    /// Composes the single document of `yaml`; nil when the text holds no
    /// document at all.
    ///
    /// libyaml's events are read directly into `YAMLNode`s: Yams' composer
    /// makes a class instance per event and a tag per node, and decodes every
    /// scalar through Foundation, which was a fifth of `growth check`. What
    /// the front matter of a record never holds (an alias, a second document)
    /// and every malformed text is composed by Yams itself, so aliases
    /// resolve and errors read exactly as Yams reports them.
    static func compose(_ yaml: Substring) throws -> YAMLNode? {
        let fast = yaml.utf8.withContiguousStorageIfAvailable { bytes -> Outcome in
            EventReader.compose(bytes)
        }
        switch fast {
        case .document(let root)?: return root
        case .fallBack?, nil: break
        }
        return try Yams.compose(yaml: String(yaml), Resolver.basic).map(YAMLNode.init)
    }

    /// A node Yams composed.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            value = .scalar(scalar.string, plain: scalar.style == .plain)
        case .sequence(let sequence):
            value = .sequence(sequence.map(YAMLNode.init))
        case .mapping(let mapping):
            value = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) })
        }
        line = node.mark?.line ?? 1
        column = node.mark?.column ?? 1
    }

    fileprivate enum Outcome {
        case document(YAMLNode?)
        /// Something the fast path leaves to Yams: an error, an alias, more
        /// than one document.
        case fallBack
    }
}

/// Reads libyaml's events into nodes with an explicit stack, so no depth of
/// nesting recurses.
private enum EventReader {
    /// A list or mapping whose end event has not come yet.
    private struct Open {
        var isMapping: Bool
        var line: Int
        var column: Int
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?

        mutating func add(_ node: YAMLNode) {
            guard isMapping else {
                items.append(node)
                return
            }
            if let key = pendingKey {
                pairs.append((key, node))
                pendingKey = nil
            } else {
                pendingKey = node
            }
        }

        var node: YAMLNode {
            YAMLNode(value: isMapping ? .mapping(pairs) : .sequence(items), line: line, column: column)
        }
    }

    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode.Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .fallBack }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var stack: [Open] = []
        var root: YAMLNode?
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .fallBack }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            var finished: YAMLNode?
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT: continue
            case YAML_STREAM_END_EVENT: return .document(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { return .fallBack }
                continue
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                finished = YAMLNode(
                    value: .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                var open = Open(isMapping: false, line: line, column: column)
                // Room for a front matter's short lists and mappings at once, not grown 1, 2, 4, 8.
                open.items.reserveCapacity(4)
                stack.append(open)
            case YAML_MAPPING_START_EVENT:
                var open = Open(isMapping: true, line: line, column: column)
                open.pairs.reserveCapacity(8)
                stack.append(open)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                finished = stack.popLast()?.node
            default:
                // An alias: Yams resolves it against its anchor.
                return .fallBack
            }
            guard let node = finished else { continue }
            if stack.isEmpty {
                root = node
            } else {
                stack[stack.count - 1].add(node)
            }
        }
    }
}
