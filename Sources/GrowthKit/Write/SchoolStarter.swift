/// `growth init`: the files of a new school's repository that passes
/// `growth check` at once (SPEC §8): `school.yml` from a preset, one example
/// of each file, skeletons, a guide for tutors, git settings, a pre-commit
/// hook and CI for GitHub Actions and GitLab.
public enum SchoolStarter {
    public struct Options: Sendable {
        public var preset: Preset
        public var name: String?
        public var locale: SiteLocale
        /// Today in the school's time zone: the example term holds it, the
        /// example records are dated up to it.
        public var today: Day

        public init(preset: Preset, name: String?, locale: SiteLocale, today: Day) {
            self.preset = preset
            self.name = name
            self.locale = locale
            self.today = today
        }
    }

    /// Relative path → text.
    public static func files(_ options: Options) -> [String: String] {
        let zh = options.locale == .zhCN
        let term = exampleTerm(around: options.today, zh)
        let name = options.name ?? (zh ? "示例学校" : "Example School")
        var files: [String: String] = [
            "content/school.yml": schoolYAML(name, term, options),
            ".gitattributes":
                "# Every text file with LF line endings, so a file saved on Windows reads the same.\n* text=auto eol=lf\n*.csv text eol=lf\n",
            ".gitignore": "# Built sites: made by CI every night, never committed.\nsite/\nsite-*/\n.growth-cache/\n",
            "hooks/pre-commit": preCommitHook,
            ".github/workflows/growth.yml": CIFiles.github(timezone: "Asia/Shanghai"),
            ".gitlab-ci.yml": CIFiles.gitlab,
            zh ? "导师指南.md" : "TUTORS.md": TutorGuide.text(zh),
            "README.md": readme(name, zh),
        ]
        for (path, text) in ExampleContent.files(term: term, today: options.today, zh: zh, preset: options.preset) {
            files["content/" + path] = text
        }
        for type in RecordType.allCases {
            let header = Skeleton.frontMatter(
                type, tutor: nil, options.locale, hidden: Policy.defaultConfidential.contains(type)
            )
            .map { $0.hasPrefix("# tutor:") ? "tutor: {{tutor}}" : $0 }
            files["content/templates/\(type.rawValue).md"] =
                NewFile.draft("", header, Skeleton.body(type, options.locale)).text
        }
        return files
    }

    /// The term holding `today`: September to January, or February to July.
    static func exampleTerm(around today: Day, _ zh: Bool) -> Term {
        let (y, m, _) = today.parts
        let first = m >= 8 || m == 1
        let year = m == 1 ? y - 1 : y
        if first {
            let start = Day(year: year, month: 9, day: 1)!
            let end = Day(year: year + 1, month: 1, day: 20)!
            let name = zh ? "\(year)–\(year + 1)学年第一学期" : "\(year)–\(year + 1) autumn term"
            return Term(id: "\(year)-1", name: name, start: min(start, today), end: end)
        }
        let start = Day(year: y, month: 2, day: 20)!
        let end = Day(year: y, month: 7, day: 10)!
        let name = zh ? "\(y - 1)–\(y)学年第二学期" : "\(y - 1)–\(y) spring term"
        return Term(id: "\(y - 1)-2", name: name, start: min(start, today), end: max(end, today))
    }

    static func schoolYAML(_ name: String, _ term: Term, _ options: Options) -> String {
        let zh = options.locale == .zhCN
        return """
            # \(zh ? "学校设置：学期、工作要求、导师考评。新学期开始时在 terms 下加一行即可。" : "The school: its terms, its rules and how tutors are evaluated. A new term is one more line under terms.")
            name: \(NewFile.yaml(name))
            locale: \(options.locale.rawValue)
            timezone: Asia/Shanghai
            terms:
              - { id: \(term.id), name: \(NewFile.yaml(term.name)), start: \(term.start.iso), end: \(term.end.iso) }
            \(options.preset.policy(zh))
            evaluation:
              weights: { records: 0.5, parents: 0.2, students: 0.2, forums: 0.1 }
              grades:  { excellent: 90, good: 75, pass: 60 }
              commend_top: 3

            """
    }

    static let preCommitHook = """
        #!/bin/sh
        # Checks the files you are committing (and the rules across files) before
        # each commit. Install once per clone:  git config core.hooksPath hooks
        # .growth-cache (never committed) keeps the parsed files: only the changed are read again.
        exec growth check --content content --changed --cache .growth-cache

        """

    static func readme(_ name: String, _ zh: Bool) -> String {
        zh
            ? """
            # \(name) · 全员导师制成长档案

            导师在 `content/` 里写记录，`growth` 检查并生成给学校领导看的网站。

            - 写记录：见 [导师指南](导师指南.md)。
            - 本机检查：`growth check`；预览：`growth serve`。
            - 提交前自动检查（每个克隆装一次）：`git config core.hooksPath hooks`。
            - 每晚构建：`.github/workflows/growth.yml`（GitHub）或 `.gitlab-ci.yml`（GitLab）。
              默认只作为构建产物保存，不公开发布：领导版网站含未成年人信息。

            """
            : """
            # \(name) · tutor records

            Tutors write records in `content/`; `growth` checks them and builds the site leadership reads.

            - Writing records: see [TUTORS.md](TUTORS.md).
            - Check on your computer: `growth check`; preview: `growth serve`.
            - Check before every commit (once per clone): `git config core.hooksPath hooks`.
            - Nightly builds: `.github/workflows/growth.yml` (GitHub) or `.gitlab-ci.yml` (GitLab),
              kept as build artifacts, never published publicly by default: the leadership site holds minors' data.

            """
    }
}
