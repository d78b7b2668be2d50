// swift-tools-version: 6.0
import PackageDescription

// The static release binary (Scripts/release.sh) links jemalloc itself: the
// static Swift runtime's link hides every static library's symbols
// (`--exclude-libs ALL`), so `-ljemalloc` with the archive would serve
// growth's own calls while libc's went to glibc's malloc, each freeing the
// other's memory. It links jemalloc as one object instead, whose symbols stay
// global and replace malloc for the C library too.
let staticRelease = Context.environment["GROWTH_STATIC_RELEASE"] != nil

let package = Package(
    name: "growth",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "growth", targets: ["growth"]),
        .library(name: "GrowthKit", targets: ["GrowthKit"]),
    ],
    dependencies: [
        // YAML front matter and school.yml. 5.x keeps every pair of a mapping in
        // the composed node tree, so duplicate keys are reported by our own check
        // with their line and column; it composes faster than 6.x here.
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // The command line.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Survey CSV files: RFC 4180 quoting, streaming rows.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Page templates: logic-less, HTML-escaping by default, no dependencies.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `growth serve`: SwiftNIO's HTTP/1 server, the library Hummingbird and
        // Vapor stand on, without their TLS/HTTP2/client dependencies, and with
        // no Foundation networking (libcurl) in the binary.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // SHA-256 of each content file, which the parse store under --cache
        // trusts in place of parsing it again: a digest nobody can forge a
        // collision for. BoringSSL, built in statically.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The memory allocator of the growth executable: glibc's malloc spent
        // a sixth of a build coalescing and splitting free chunks; jemalloc's
        // per-thread size classes cut the build's CPU time by about a quarter
        // (Benchmarks/README.md).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // One system call Swift's Glibc module cannot reach: the atomic swap of
        // the new site with the old (renameat2 RENAME_EXCHANGE).
        .target(name: "CGrowthSystem"),
        .target(
            name: "GrowthKit",
            dependencies: [
                "CCmark",
                "CGrowthSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // Templates/ embedded into GrowthKit at build time (DefaultTemplates.files).
        .executableTarget(name: "embed-templates"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .executableTarget(
            name: "growth",
            dependencies: [
                "GrowthKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ] + (staticRelease ? [] : [.target(name: "CJemalloc", condition: .when(platforms: [.linux]))])
        ),
        .testTarget(
            name: "GrowthKitTests",
            dependencies: ["GrowthKit", "growth", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures", "Browser/check_pages.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
