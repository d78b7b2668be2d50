import Foundation

/// The CI files `growth init` writes: check every push with annotations in
/// the CI's own format, build both audiences every night, keep the sites as
/// build artifacts (never a public page by default: the leadership site holds
/// minors' data). The release binary is downloaded, not compiled.
enum CIFiles {
    /// Where the release binary comes from; a school may point it at a mirror.
    static let releases = "https://github.com/growth-tool/growth/releases/download"

    /// 02:00 in the school's time zone, as the UTC hour GitHub's cron takes.
    static func nightlyHourUTC(_ timezone: String) -> Int {
        let offset = (TimeZone(identifier: timezone)?.secondsFromGMT() ?? 8 * 3600) / 3600
        return ((2 - offset) % 24 + 24) % 24
    }

    static func github(timezone: String) -> String {
        """
        # growth: check every push and pull request; build the site every night.
        name: growth

        on:
          push:
          pull_request:
          schedule:
            # 02:00 in \(timezone): GitHub's cron is in UTC.
            - cron: "0 \(nightlyHourUTC(timezone)) * * *"
          workflow_dispatch:

        env:
          # Pin the version this school has tried; raise it on purpose.
          GROWTH_VERSION: "\(GrowthVersion.current)"
          GROWTH_RELEASES: "\(releases)"

        jobs:
          check:
            if: github.event_name == 'push' || github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0   # the full history: late entries are read from it
              - name: "Install growth (a release binary, no Swift needed)"
                run: |
                  curl -fsSL -o /usr/local/bin/growth "$GROWTH_RELEASES/v$GROWTH_VERSION/growth-linux-x86_64"
                  chmod +x /usr/local/bin/growth
              - name: Check the records
                run: growth check --content content --format github

          nightly:
            if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0
              - name: Install growth
                run: |
                  curl -fsSL -o /usr/local/bin/growth "$GROWTH_RELEASES/v$GROWTH_VERSION/growth-linux-x86_64"
                  chmod +x /usr/local/bin/growth
              # What last night's builds made: tonight's render only the pages that changed
              # (the past terms' pages are reused). It holds the sites' bytes, as the artifacts do.
              - uses: actions/cache@v4
                with:
                  path: .growth-cache
                  key: growth-cache-${{ github.run_id }}
                  restore-keys: growth-cache-
              - name: Build the leadership site
                run: growth build --content content --output site-leadership --audience leadership --cache .growth-cache --format github
              - name: Build the staff site
                run: growth build --content content --output site-staff --audience staff --cache .growth-cache --format github
              # The sites are kept as build artifacts, readable by the repository's members only.
              # Never turn on GitHub Pages for them: a Pages site is public.
              - uses: actions/upload-artifact@v4
                with:
                  name: site-leadership
                  path: site-leadership
                  retention-days: 7
              - uses: actions/upload-artifact@v4
                with:
                  name: site-staff
                  path: site-staff
                  retention-days: 30
              # To publish on the school's internal web server (behind its login) instead, add
              # the secrets DEPLOY_HOST, DEPLOY_USER and DEPLOY_KEY (an SSH key allowed only to
              # rsync into the two folders) and uncomment:
              # - name: Publish on the internal server
              #   env:
              #     DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}
              #   run: |
              #     install -m 600 /dev/null ~/deploy_key && printf '%s\\n' "$DEPLOY_KEY" > ~/deploy_key
              #     rsync -a --delete -e "ssh -i ~/deploy_key -o StrictHostKeyChecking=accept-new" \\
              #       site-leadership/ "${{ secrets.DEPLOY_USER }}@${{ secrets.DEPLOY_HOST }}:/srv/growth/leadership/"
              #     rsync -a --delete -e "ssh -i ~/deploy_key -o StrictHostKeyChecking=accept-new" \\
              #       site-staff/ "${{ secrets.DEPLOY_USER }}@${{ secrets.DEPLOY_HOST }}:/srv/growth/staff/"

        """
    }

    static let gitlab = """
        # growth: check every push; build the site every night. The nightly build runs from a
        # pipeline schedule (Build → Pipeline schedules → New schedule, e.g. 0 2 * * * in the
        # school's time zone).
        variables:
          # Pin the version this school has tried; raise it on purpose.
          GROWTH_VERSION: "\(GrowthVersion.current)"
          GROWTH_RELEASES: "\(releases)"
          GIT_DEPTH: 0   # the full history: late entries are read from it

        default:
          image: debian:bookworm-slim
          before_script:
            - apt-get update -qq && apt-get install -y -qq curl ca-certificates git > /dev/null
            - curl -fsSL -o /usr/local/bin/growth "$GROWTH_RELEASES/v$GROWTH_VERSION/growth-linux-x86_64"
            - chmod +x /usr/local/bin/growth

        check:
          rules:
            - if: $CI_PIPELINE_SOURCE != "schedule"
          script:
            # Problems as a Code Quality report (shown in merge requests); the job fails on errors.
            - growth check --content content --format gitlab > gl-code-quality-report.json
          artifacts:
            when: always
            reports:
              codequality: gl-code-quality-report.json

        nightly:
          rules:
            - if: $CI_PIPELINE_SOURCE == "schedule"
          # What last night's builds made: tonight's render only the pages that changed.
          cache:
            key: growth-cache
            paths:
              - .growth-cache
          script:
            - growth build --content content --output site-leadership --audience leadership --cache .growth-cache
            - growth build --content content --output site-staff --audience staff --cache .growth-cache
          # Kept as job artifacts, readable by project members only. Never publish them with
          # GitLab Pages unless its access control is on: the leadership site holds minors' data.
          artifacts:
            name: growth-sites
            paths:
              - site-leadership
              - site-staff
            expire_in: 7 days
          # To publish on the school's internal web server instead, add the CI/CD variables
          # DEPLOY_HOST, DEPLOY_USER and DEPLOY_KEY (masked, protected) and uncomment:
          # after_script:
          #   - apt-get install -y -qq rsync openssh-client > /dev/null
          #   - install -m 600 /dev/null ~/deploy_key && printf '%s\\n' "$DEPLOY_KEY" > ~/deploy_key
          #   - rsync -a --delete -e "ssh -i ~/deploy_key -o StrictHostKeyChecking=accept-new" site-leadership/ "$DEPLOY_USER@$DEPLOY_HOST:/srv/growth/leadership/"
          #   - rsync -a --delete -e "ssh -i ~/deploy_key -o StrictHostKeyChecking=accept-new" site-staff/ "$DEPLOY_USER@$DEPLOY_HOST:/srv/growth/staff/"

        """
}
