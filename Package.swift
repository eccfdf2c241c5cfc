// swift-tools-version: 6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "kiosk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kiosk", targets: ["kiosk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(
            name: "CKioskImaging",
            dependencies: ["CVips"]
        ),
        .target(
            name: "KioskImaging",
            dependencies: ["KioskCore", "CKioskImaging"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskCore",
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskStore",
            dependencies: ["KioskCore", .product(name: "CoreMetrics", package: "swift-metrics")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskSQLite",
            dependencies: [
                "KioskCore",
                "KioskStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskPostgres",
            dependencies: [
                "KioskCore",
                "KioskStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskRender",
            dependencies: [
                "KioskCore",
                "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskImport",
            dependencies: ["KioskCore", "KioskRender", "CLibXML2"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskMail",
            dependencies: [
                "KioskCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskDemo",
            dependencies: ["KioskCore", "KioskStore", "KioskRender", "KioskImaging"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "KioskServer",
            dependencies: [
                "CZlib",
                "KioskCore",
                "KioskStore",
                "KioskRender",
                "KioskMail",
                "KioskImport",
                "KioskImaging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "kiosk",
            dependencies: [
                "KioskCore",
                "KioskStore",
                "KioskSQLite",
                "KioskPostgres",
                "KioskRender",
                "KioskDemo",
                "KioskServer",
                "KioskMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The composition root touches many modules' members; member import checks add nothing here.
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "KioskBench",
            dependencies: ["KioskCore", "KioskStore", "KioskSQLite", "KioskRender", "KioskDemo", "KioskServer", "KioskMail"],
            path: "bench/KioskBench",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "KioskBenchmarks",
            dependencies: [
                "KioskCore",
                "KioskStore",
                "KioskSQLite",
                "KioskRender",
                "KioskDemo",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/KioskBenchmarks",
            swiftSettings: strictSwift,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .target(
            name: "KioskTestSupport",
            dependencies: [
                "CZlib",
                "KioskCore",
                "KioskStore",
                "KioskSQLite",
                "KioskPostgres",
                "KioskRender",
                "KioskDemo",
                "KioskServer",
                "KioskMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/KioskTestSupport",
            swiftSettings: strictSwift
        ),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore"], swiftSettings: strictSwift),
        .testTarget(name: "KioskImagingTests", dependencies: ["KioskImaging", "KioskCore"], swiftSettings: strictSwift),
        .testTarget(name: "KioskImportTests", dependencies: ["KioskImport", "KioskRender", "KioskCore"], swiftSettings: strictSwift),
        .testTarget(
            name: "KioskMailTests",
            dependencies: [
                "KioskMail",
                "KioskCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "KioskStoreTests",
            dependencies: ["KioskTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "KioskRenderTests",
            dependencies: ["KioskTestSupport"],
            exclude: ["Expected"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "KioskServerTests",
            dependencies: [
                "KioskTestSupport",
                "KioskImaging",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSwift
        ),
    ]
)
