#!/usr/bin/env python3
"""Write a synthetic, format-valid school content folder for benchmarking `growth`.

    python3 Benchmarks/generate_school.py OUT_DIR [--students 2000] [--records 55000] [--seed 1]
        [--terms 1|2] [--hugo HUGO_DIR]

With `--terms 2` the records spread over two terms (2025-1 and 2025-2). With
`--hugo` the same notes are also written as a Hugo site (one section per
student, one page per record, the same Markdown), for the comparison in run.sh.

The output follows SPEC.md section 2: school.yml, classes/, tutors/,
students/<id>/index.md plus one file per record, forums/ and surveys/survey.csv.
The same arguments always give byte-identical output (standard library only,
one seeded random generator, files written in a fixed order).

OUT_DIR must not exist or must be empty: the generator never writes into a
folder that holds something else.
"""

import argparse
import csv
import datetime as dt
import io
import math
import os
import random
import sys

TERM_NAME = "2025–2026学年第一学期"
TERM_START = dt.date(2025, 9, 1)
TERM_END = dt.date(2026, 1, 16)
TERM_DAYS = (TERM_END - TERM_START).days + 1
TERM2_NAME = "2025–2026学年第二学期"
TERM2_START = dt.date(2026, 2, 23)
TERM2_END = dt.date(2026, 7, 10)

MAX_STUDENTS_PER_TUTOR = 8
FORUM_COUNT = 20

RECORD_TYPES = ["talk", "report", "phone-visit", "home-visit", "contact", "observation"]
# Roughly what a school that mostly follows its policy produces.
RECORD_WEIGHTS = [0.42, 0.22, 0.10, 0.03, 0.10, 0.13]
AREAS = ["thought", "study", "psychology", "behaviour", "life", "health", "family", "career"]

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
) + ["欧阳", "司马", "上官", "诸葛"]
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建红晶宇浩凯健俊帆帅旭宁鑫文斌博然思雨欣怡梓涵子轩一诺佳琪雅婷晨阳紫萱嘉怡浩然昊天若汐可馨诗涵梦瑶雨桐语嫣书瑶"
)

MAJORS = ["护理", "计算机应用", "电子商务", "会计事务", "汽车运用与维修", "机电技术应用",
          "数控技术应用", "学前教育", "旅游服务与管理", "烹饪工艺与营养", "工业机器人", "物流服务与管理"]
SUBJECTS = ["语文", "数学", "英语", "思想政治", "历史", "体育与健康", "信息技术", "艺术",
            "专业基础", "专业实训", "心理健康", "物理", "化学"]
FAMILY_STRUCTURES = ["two-parent", "single-parent", "reconstituted", "grandparents", "other"]
FAMILY_NOTES = ["父母在外地务工，由祖父母照顾", "母亲在外地务工，父亲工作繁忙", "父母离异，随母亲生活",
                "家中有两个弟弟妹妹，经济较紧张", "父亲长期生病，家庭负担较重", "父母经营小生意，陪伴时间少",
                "重组家庭，与继父关系一般", "由外婆抚养长大", "家庭关系和睦，父母重视教育",
                "父母对学业期望很高，沟通方式较严厉"]

# Fragments for varied Chinese prose; sentences are glued from them.
OPENINGS = ["本周", "今天课后", "午休时", "晚自习前", "周末返校后", "期中考试后", "实训课结束后",
            "班会之后", "放学前", "上周五", "早读时", "体育课后"]
ACTIVITIES = ["与该生进行了一次谈心", "和学生聊了聊近况", "听取了学生的学习生活汇报", "与学生单独交流",
              "和学生一起回顾了上周的计划", "在办公室与学生面谈", "在操场散步时与学生交谈",
              "查看了学生的成长记录本", "与班主任交流了该生的情况", "与家长通了电话"]
TOPICS = ["数学作业完成情况", "英语单词背诵", "专业实训的进度", "宿舍人际关系", "手机使用时间",
          "作息规律", "参加社团活动", "期中考试的复习计划", "对未来职业的想法", "与父母的沟通",
          "身体状况和饮食", "课堂注意力", "技能大赛的准备", "班级值日和纪律", "情绪波动的原因",
          "周末时间安排", "阅读习惯", "实习岗位的选择"]
STATES = ["学生情绪稳定，态度积极", "学生有些紧张，但愿意表达", "学生较为沉默，需要耐心引导",
          "学生状态明显好转", "学生最近压力较大，睡眠不足", "学生对自己要求很高",
          "学生表现出较强的责任心", "学生有畏难情绪", "学生主动提出了自己的困惑",
          "学生自信心有所提升", "学生和同学相处融洽", "学生对专业课兴趣浓厚"]
ADVICE = ["建议制定每日学习计划", "鼓励其多参加集体活动", "提醒注意劳逸结合", "约定下周再次交流",
          "请成长伙伴多给予帮助", "建议每天睡前减少手机使用", "引导其把大目标拆成小目标",
          "肯定了近期的进步", "建议主动向任课老师请教", "提醒按时完成实训报告",
          "与其一起梳理了错题", "推荐了几本适合的课外书"]
OUTCOMES = ["学生表示愿意尝试", "学生当场写下了改进计划", "学生答应下周反馈结果", "学生情绪明显放松",
            "需要继续观察", "已与班主任同步情况", "将与家长保持联系", "效果有待跟进"]
ACTIONS = ["与数学老师沟通作业情况", "与班主任交流近期表现", "电话联系家长了解在家情况",
           "检查学习计划执行情况", "跟进宿舍矛盾处理结果", "安排心理老师谈话", "复查实训报告",
           "了解技能大赛报名情况", "约家长到校面谈", "督促补交作业"]
FORUM_TOPICS = ["新生入学适应", "学生手机依赖的引导", "学习动力不足的转化", "留守学生的关爱",
                "宿舍人际冲突的处理", "考前焦虑的疏导", "家校沟通的方法", "职业规划启蒙",
                "单亲家庭学生的心理支持", "行为习惯的养成", "网络安全教育", "期末复习的指导"]
SURVEY_COMMENTS = ["老师很负责，经常联系我们", "希望能多沟通孩子的学习情况", "孩子说导师很关心他",
                   "这个月没有接到老师电话", "导师的建议很有帮助", "感谢老师的耐心", "希望多关注心理健康",
                   "孩子最近进步很大", "沟通次数偏少", "", "", ""]


def parse_args(argv):
    p = argparse.ArgumentParser(description="Generate a synthetic school content folder for benchmarking growth.")
    p.add_argument("out_dir")
    p.add_argument("--students", type=int, default=2000)
    p.add_argument("--records", type=int, default=55000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--terms", type=int, default=1, choices=[1, 2])
    p.add_argument("--hugo", default=None)
    args = p.parse_args(argv)
    if args.students < 1:
        p.error("--students must be at least 1")
    if args.records < 0:
        p.error("--records must not be negative")
    return args


def check_out_dir(path):
    if os.path.exists(path):
        if not os.path.isdir(path):
            sys.exit(f"error: {path} exists and is not a folder")
        if os.listdir(path):
            sys.exit(f"error: {path} is not empty; give a new or empty folder")
    else:
        os.makedirs(path)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def ident(prefix, n, width):
    return f"{prefix}-{n:0{width}d}"


def person_name(rng):
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def paragraph(rng, sentences):
    parts = []
    for _ in range(sentences):
        kind = rng.random()
        if kind < 0.3:
            parts.append(f"{rng.choice(OPENINGS)}{rng.choice(ACTIVITIES)}，重点谈到{rng.choice(TOPICS)}。")
        elif kind < 0.55:
            parts.append(f"{rng.choice(STATES)}，{rng.choice(OUTCOMES)}。")
        elif kind < 0.8:
            parts.append(f"针对{rng.choice(TOPICS)}，{rng.choice(ADVICE)}。")
        else:
            parts.append(f"{rng.choice(STATES)}；{rng.choice(ADVICE)}，{rng.choice(OUTCOMES)}。")
    return "".join(parts)


def body(rng, paragraphs_min=2, paragraphs_max=3):
    paras = [paragraph(rng, rng.randint(2, 3)) for _ in range(rng.randint(paragraphs_min, paragraphs_max))]
    if rng.random() < 0.1:
        paras.append("\n".join(f"- {rng.choice(ADVICE)}" for _ in range(rng.randint(2, 3))))
    return "\n\n".join(paras) + "\n"


def front_matter(lines):
    return "---\n" + "\n".join(lines) + "\n---\n"


def split_evenly(total, parts):
    """`parts` non-negative integers summing to `total`, as equal as possible."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def write_hugo_site(root, student_ids):
    """The same notes as a Hugo site: a page per record, a list per student
    showing every record's text (what a growth file shows), and a home page."""
    write(os.path.join(root, "config.toml"), 'baseURL = "http://localhost/"\ntitle = "基准"\n'
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    write(os.path.join(root, "layouts", "_default", "baseof.html"),
          "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head>"
          "<body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n")
    write(os.path.join(root, "layouts", "_default", "single.html"),
          '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.mood }} {{ delimit (.Params.areas | default slice) ", " }}</p>'
          "{{ .Content }}{{ end }}\n")
    write(os.path.join(root, "layouts", "_default", "list.html"),
          '{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages.ByDate }}<li><h2>{{ .Title }}</h2>'
          "<p>{{ .Params.mood }}</p>{{ .Content }}</li>{{ end }}</ol>{{ end }}\n")
    for sid in student_ids:
        write(os.path.join(root, "content", "students", sid, "_index.md"), f'---\ntitle: "{sid}"\n---\n')


def main(argv):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    out = args.out_dir
    check_out_dir(out)
    if args.hugo:
        check_out_dir(args.hugo)

    n_students = args.students
    n_classes = max(1, round(n_students * 60 / 2000))
    n_tutors = max(math.ceil(n_students / MAX_STUDENTS_PER_TUTOR), round(n_students * 260 / 2000))
    sw = max(5, len(str(n_students)))
    tw = max(4, len(str(n_tutors)))
    cw = max(3, len(str(n_classes)))
    class_ids = [ident("c", i + 1, cw) for i in range(n_classes)]
    tutor_ids = [ident("t", i + 1, tw) for i in range(n_tutors)]
    student_ids = [ident("s", i + 1, sw) for i in range(n_students)]

    # The days records may fall on: every day of every term.
    term_days = [TERM_START + dt.timedelta(days=d) for d in range(TERM_DAYS)]
    terms = f"term: {{ name: {TERM_NAME}, start: {TERM_START}, end: {TERM_END} }}"
    if args.terms == 2:
        term_days += [TERM2_START + dt.timedelta(days=d) for d in range((TERM2_END - TERM2_START).days + 1)]
        terms = (f"terms:\n  - {{ id: 2025-1, name: {TERM_NAME}, start: {TERM_START}, end: {TERM_END} }}\n"
                 f"  - {{ id: 2025-2, name: {TERM2_NAME}, start: {TERM2_START}, end: {TERM2_END} }}")
    last_day = term_days[-1]

    # --- school.yml
    write(os.path.join(out, "school.yml"), f"""\
name: 示例职业学校（基准测试）
locale: zh-CN
timezone: Asia/Shanghai
{terms}
policy:
  applies_to: all
  talk:         {{ every: 1 week }}
  report:       {{ every: 2 weeks }}
  phone-visit:  {{ every: 1 month }}
  home-visit:   {{ every: 1 term }}
  forum:        {{ every: 1 month }}
  max_students_per_tutor: {MAX_STUDENTS_PER_TUTOR}
  grace_days: 0
evaluation:
  weights: {{ records: 0.5, parents: 0.2, students: 0.2, forums: 0.1 }}
  grades:  {{ excellent: 90, good: 75, pass: 60 }}
  commend_top: 3
""")

    # --- tutors: the first n_classes are head teachers, a few leaders and staff.
    tutor_names = {}
    for i, tid in enumerate(tutor_ids):
        name = person_name(rng)
        tutor_names[tid] = name
        if i < n_classes:
            role = "head-teacher"
        elif rng.random() < 0.04:
            role = "leader"
        elif rng.random() < 0.05:
            role = "staff"
        else:
            role = "teacher"
        lines = [f"name: {name}", f"role: {role}"]
        if role != "staff":
            lines.append(f"subject: {rng.choice(SUBJECTS)}")
        if rng.random() < 0.6:
            lines.append(f'phone: "1{rng.choice("3589")}{rng.randint(0, 999999999):09d}"')
        text = front_matter(lines)
        if rng.random() < 0.3:
            text += f"\n{paragraph(rng, 1)}\n"
        write(os.path.join(out, "tutors", tid + ".md"), text)

    # --- classes
    years = [2025, 2024, 2023]
    for i, cid in enumerate(class_ids):
        year = years[i % len(years)]
        major = rng.choice(MAJORS)
        lines = [f"name: {year}级{major}{i // len(years) + 1}班",
                 f"grade: {year}级",
                 f"major: {major}",
                 f"head_teacher: {tutor_ids[i]}"]
        text = front_matter(lines)
        if rng.random() < 0.5:
            text += f"\n{paragraph(rng, 2)}\n"
        write(os.path.join(out, "classes", cid + ".md"), text)

    # --- students: consecutive students share a class; consecutive runs share a tutor.
    student_class = {}
    for c, (start, size) in enumerate(zip(
            [sum(split_evenly(n_students, n_classes)[:k]) for k in range(n_classes)],
            split_evenly(n_students, n_classes))):
        for s in student_ids[start:start + size]:
            student_class[s] = class_ids[c]
    # Tutors take up to 8; shuffle the tutor order so head teachers are not all first.
    tutor_order = tutor_ids[:]
    rng.shuffle(tutor_order)
    student_tutor = {}
    pos = 0
    for tid, size in zip(tutor_order, split_evenly(n_students, n_tutors)):
        assert size <= MAX_STUDENTS_PER_TUTOR
        for s in student_ids[pos:pos + size]:
            student_tutor[s] = tid
        pos += size

    diligence = {}   # per student: how closely the tutor follows the policy
    mood_base = {}
    for idx, sid in enumerate(student_ids):
        diligence[sid] = min(1.6, max(0.2, rng.gauss(1.0, 0.3)))
        mood_base[sid] = min(5.0, max(1.0, rng.gauss(3.4, 0.7)))
        lines = [f"name: {person_name(rng)}",
                 f"class: {student_class[sid]}",
                 f"tutor: {student_tutor[sid]}"]
        if rng.random() < 0.12 and n_students > 1:
            other = rng.randrange(n_students - 1)
            other += other >= idx
            lines.append(f"partner: {student_ids[other]}")
        if rng.random() < 0.1:
            lines.append("key: true")
        if rng.random() < 0.35:
            lines.append("family:")
            lines.append(f"  structure: {rng.choice(FAMILY_STRUCTURES)}")
            if rng.random() < 0.8:
                lines.append(f"  notes: {rng.choice(FAMILY_NOTES)}")
        text = front_matter(lines) + "\n" + paragraph(rng, rng.randint(1, 3)) + "\n"
        write(os.path.join(out, "students", sid, "index.md"), text)

    # --- records: each student's share follows its diligence; totals are exact.
    weights = [diligence[s] for s in student_ids]
    total_w = sum(weights)
    shares = [args.records * w / total_w for w in weights]
    counts = [int(x) for x in shares]
    rest = args.records - sum(counts)
    by_fraction = sorted(range(n_students), key=lambda i: (counts[i] - shares[i], i))
    for i in by_fraction[:rest]:
        counts[i] += 1

    type_counts = dict.fromkeys(RECORD_TYPES, 0)
    confidential = follow_ups = 0
    for sid, n in zip(student_ids, counts):
        used = {}
        for _ in range(n):
            rtype = rng.choices(RECORD_TYPES, RECORD_WEIGHTS)[0]
            date = rng.choice(term_days)
            key = (date, rtype)
            used[key] = used.get(key, 0) + 1
            suffix = "" if used[key] == 1 else f"-{used[key]}"
            type_counts[rtype] += 1

            lines = []
            if rng.random() < 0.92:
                mood = round(mood_base[sid] + rng.gauss(0, 0.8))
                lines.append(f"mood: {min(5, max(1, mood))}")
            if rng.random() < 0.9:
                areas = sorted(rng.sample(AREAS, rng.randint(1, 3)), key=AREAS.index)
                lines.append(f"areas: [{', '.join(areas)}]")
            if rtype in ("talk", "phone-visit", "home-visit") or rng.random() < 0.3:
                lines.append(f"duration: {rng.choice([10, 15, 20, 30, 40, 45, 60, 90])}")
            if rng.random() < 0.08:
                lines.append("confidential: true")
                confidential += 1
            if rng.random() < 0.15:
                follow_ups += 1
                lines.append("follow_up:")
                for _ in range(rng.randint(1, 2)):
                    due = min(last_day, date + dt.timedelta(days=rng.randint(3, 21)))
                    done = "true" if rng.random() < 0.4 else "false"
                    lines.append(f"  - {{ action: {rng.choice(ACTIONS)}, due: {due}, done: {done} }}")
            text = front_matter(lines) + "\n" + body(rng)
            write(os.path.join(out, "students", sid, f"{date}-{rtype}{suffix}.md"), text)
            if args.hugo:
                hugo_lines = [f'title: "{date} {rtype}"', f"date: {date}"] + lines
                write(os.path.join(args.hugo, "content", "students", sid, f"{date}-{rtype}{suffix}.md"),
                      front_matter(hugo_lines) + "\n" + text.split("---\n", 2)[2])

    # --- forums: tutors are split into groups; each group meets about monthly.
    forum_days = sorted(rng.sample(range(len(term_days)), FORUM_COUNT * args.terms))
    groups = 4
    group_of = {tid: i % groups for i, tid in enumerate(tutor_order)}
    students_of = {}
    for sid in student_ids:
        students_of.setdefault(student_tutor[sid], []).append(sid)
    for k, day in enumerate(forum_days):
        date = term_days[day]
        members = [t for t in tutor_ids if group_of[t] == k % groups and rng.random() < 0.85]
        if not members:
            members = [rng.choice(tutor_ids)]
        host = rng.choice(members)
        case_tutors = rng.sample(members, min(len(members), rng.randint(1, 3)))
        cases = sorted(rng.choice(students_of[t]) for t in case_tutors if t in students_of)
        lines = [f"topic: {rng.choice(FORUM_TOPICS)}",
                 f"host: {host}",
                 f"attendees: [{', '.join(members)}]",
                 f"cases: [{', '.join(dict.fromkeys(cases))}]"]
        text = front_matter(lines) + "\n" + "\n\n".join(
            f"## 案例{i + 1}\n\n{paragraph(rng, 3)}" for i in range(max(1, len(cases)))) + "\n"
        write(os.path.join(out, "forums", f"{date}.md"), text)

    # --- surveys
    n_rows = round(n_students * 1.5) * args.terms
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["date", "respondent", "student", "score", "contacted", "comment"])
    rows = []
    answered = set()  # one answer per person and day, as a real survey gives
    while len(rows) < n_rows:
        sid = rng.choice(student_ids)
        date = rng.choice(term_days)
        respondent = "parent" if rng.random() < 0.55 else "student"
        if (date, respondent, sid) in answered:
            continue
        answered.add((date, respondent, sid))
        score = min(5, max(1, round(rng.gauss(3.2 + diligence[sid], 0.8))))
        contacted = "yes" if rng.random() < min(0.95, 0.5 * diligence[sid] + 0.3) else "no"
        rows.append([str(date), respondent, sid, score, contacted, rng.choice(SURVEY_COMMENTS)])
    rows.sort(key=lambda r: (r[0], r[2], r[1]))
    w.writerows(rows)
    write(os.path.join(out, "surveys", "survey.csv"), buf.getvalue())

    if args.hugo:
        write_hugo_site(args.hugo, student_ids)
    print(f"wrote {out}: {n_classes} classes, {n_tutors} tutors, {n_students} students, "
          f"{args.records} records ({', '.join(f'{t} {c}' for t, c in type_counts.items())}; "
          f"{confidential} confidential, {follow_ups} with follow-up), "
          f"{FORUM_COUNT * args.terms} forums, {n_rows} survey rows")


if __name__ == "__main__":
    main(sys.argv[1:])
