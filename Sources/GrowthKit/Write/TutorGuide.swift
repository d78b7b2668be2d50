/// The short guide for tutors that `growth init` puts in a new repository.
enum TutorGuide {
    static func text(_ zh: Bool) -> String {
        zh
            ? """
            # 导师指南

            每位老师都是导师。每次谈心、学生汇报、电话家访、上门家访之后，写一条记录。

            ## 写一条记录

            1. `growth new talk <学号>`：建好今天的谈心记录并打印文件路径。其他类型：
               `report` 学生汇报、`phone-visit` 电话家访、`home-visit` 上门家访、
               `contact` 与其他老师沟通、`observation` 日常观察、`partner` 成长伙伴活动、
               `review` 学期评价。
               补记以前的事：`--date 2025-10-19`。
            2. 打开文件填写（`$EDITOR "$(growth new talk <学号>)"`）。`#` 开头的是可选项，
               去掉 `#` 再填：`mood` 状态（1–5）、`areas` 领域、`confidential: true` 保密、
               `follow_up` 跟进事项。
            3. `growth serve` 在本机预览，保存后页面自动刷新；有错会指出文件、行、列。
            4. 提交：`git add` 后 `git commit`。提交前会自动检查（先运行一次
               `git config core.hooksPath hooks`）。

            ## 保密

            - 学生的家庭情况和成长背景、标为保密的记录正文、导师论坛的个案分析、
              问卷留言只给学校领导看；教职工版网站里没有这些内容。
            - 涉及家庭隐私的记录请写 `confidential: true`。电话家访和上门家访默认保密；
              家长同意全体导师阅读的，写 `confidential: false`。
            - 自己的工作总结写在 `content/tutors/<导师编号>/<日期>-summary.md`，全体教职工可读；
              写 `confidential: true` 则只给学校领导看。
            - 网站不要转发、不要公开。

            ## 新学期

            学校在 `content/school.yml` 的 `terms` 下加上新学期，记录照常写在原来的学生文件夹里，
            以前的记录都保留在成长档案中。

            """
            : """
            # A guide for tutors

            Every teacher is a tutor. After each talk, student report, phone call home or home visit, write a record.

            ## Writing a record

            1. `growth new talk <student id>` writes today's talk and prints its path. Other types:
               `report`, `phone-visit`, `home-visit`, `contact` (another teacher), `observation`,
               `partner` (growth partners' activity), `review` (the term review). For an earlier day: `--date 2025-10-19`.
            2. Open the file and fill it in (`$EDITOR "$(growth new talk <student id>)"`). Lines starting
               with `#` are optional: remove the `#` to use `mood` (1–5), `areas`, `confidential: true`,
               `follow_up`.
            3. Preview with `growth serve`; the page reloads when you save, and points at any mistake by
               file, line and column.
            4. Commit it: `git add`, then `git commit`. Each commit is checked first (run
               `git config core.hooksPath hooks` once).

            ## Privacy

            - Family circumstances, backgrounds, the text of confidential records, forum case analyses
              and survey comments are for leadership only; the staff site has none of them.
            - Mark a record about family matters `confidential: true`. Phone calls home and home visits
              are confidential by default; write `confidential: false` when the family is glad for all
              staff to read it.
            - Your own summaries of the work go in `content/tutors/<your id>/<date>-summary.md`; all staff
              may read them, unless you write `confidential: true`.
            - Never forward or publish the site.

            ## A new term

            The school adds the term under `terms` in `content/school.yml`; records go on in the same
            student folders, and every earlier record stays in the growth file.

            """
    }
}
