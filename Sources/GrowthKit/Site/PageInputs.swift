/// What a growth file is made from, in 128 bits, known before it is made:
/// a build with `--cache` that finds a growth file's inputs unchanged links
/// the page from the cache without making its view, which is most of the
/// work of a build after one record changed (SPEC §9).
///
/// A growth file shows its student's own records and what is computed from
/// them (compliance per term, the trajectory), and beside them only what the
/// files other than records say: the settings and terms, names of classes,
/// tutors and partners, labels. So its inputs are named by:
/// - every content file that is not a record of the model, by path and
///   SHA-256 (a change to any of them makes every growth file again);
/// - the as-of date, the audience and whether the site lists problems;
/// - each of the student's records in the model: its file's path and
///   SHA-256, and what the check set after parsing it (its tutor, resolved
///   or cleared, and the day git says it was written).
///
/// A tutor page's list of records is named the same way (`words(ofRows:)`),
/// so that its digest does not make the list: a tutor's rank reads every
/// record, so the page itself is made every time.
///
/// The templates and the build of growth are the cache's key. A debug build
/// makes each page found this way anyway and stops if its view's digest is
/// not the one the cache holds, so the tests check the list above.
struct PageInputs: Sendable {
    /// The school's other files and the audience: what every page named
    /// here reads beside its records.
    private let files: StableHasher
    /// With the as-of date and whether the site lists problems: what a growth file reads too.
    private let shared: StableHasher
    private let records: [String: [Record]]
    private let sources: SourceDigests

    /// Nil without the files' digests (a build without `--cache`).
    init?(school: School, sources: SourceDigests, asOf: Day, audience: Audience, hasProblems: Bool) {
        guard !sources.isEmpty else { return nil }
        var others: [(path: String, digest: ContentDigest)] = []
        var recordFiles = 0
        sources.each { path, digest, isRecord in
            if isRecord { recordFiles += 1 } else { others.append((path, digest)) }
        }
        // The model's records are among the files read as records: when
        // there are as many, they are those files. Else some record was
        // left out of the model, and its file counts among the others.
        if recordFiles != school.records.count {
            let inModel = Set(school.records.map(\.source.path))
            others = []
            sources.each { path, digest, _ in
                if !inModel.contains(path) { others.append((path, digest)) }
            }
        }
        var hasher = StableHasher()
        hasher.add("growth 1")
        hasher.add(audience.rawValue)
        hasher.add(count: others.count)
        for (path, digest) in others.sorted(by: { $0.path < $1.path }) {
            hasher.add(path)
            hasher.add(digest)
        }
        files = hasher
        hasher.add("growth file")
        hasher.add(day: asOf)
        hasher.add(byte: hasProblems ? 1 : 0)
        shared = hasher
        records = Dictionary(grouping: school.records, by: \.studentID)
        self.sources = sources
    }

    /// What a tutor page's list of `records` (`TutorRecordView`, under
    /// `root`) is made from: each record's date, type, student, id and
    /// confidentiality come from its file, the student's name and the labels
    /// from the school's other files. Nil when a record's file has no digest.
    /// The as-of date is not among them (the records are: those up to it),
    /// so an ended term's tutor pages are known on the next day too.
    func words(ofRows records: [Record], root: String) -> [UInt64]? {
        var hasher = files
        hasher.add("tutor records 1")
        hasher.add(root)
        hasher.add(count: records.count)
        for record in records {
            guard add(fileOf: record, to: &hasher) else { return nil }
        }
        let state = hasher.state
        return [UInt64(truncatingIfNeeded: state), UInt64(truncatingIfNeeded: state >> 64)]
    }

    /// The inputs of `student`'s growth file; nil when a record's file has no digest.
    func key(of student: Student) -> PageDigest? {
        var hasher = shared
        hasher.add(student.id)
        let records = records[student.id] ?? []
        hasher.add(count: records.count)
        for record in records {
            guard add(fileOf: record, to: &hasher) else { return nil }
            hasher.add(record.id)
            hasher.add(byte: record.tutorID == nil ? 0 : 1)
            hasher.add(record.tutorID ?? "")
            hasher.add(byte: record.written == nil ? 0 : 1)
            if let written = record.written { hasher.add(day: written) }
        }
        return PageDigest(value: hasher.state)
    }

    /// The path and SHA-256 of `record`'s file; false when it has no digest.
    private func add(fileOf record: Record, to hasher: inout StableHasher) -> Bool {
        guard let digest = sources[record.source.path] else { return false }
        hasher.add(record.source.path)
        hasher.add(digest)
        return true
    }
}

extension StableHasher {
    mutating func add(day: Day) { add(count: day.ordinal) }

    mutating func add(_ digest: ContentDigest) {
        for word in [digest.words.0, digest.words.1, digest.words.2, digest.words.3] { add(word: word) }
    }
}
