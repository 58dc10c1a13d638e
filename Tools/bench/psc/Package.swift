// swift-tools-version: 6.1
// Benchmark of the ProSanteConnect client (see `run`). A separate package so it never joins the test targets.
import PackageDescription

let package = Package(
    name: "PSCBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Passerelle", path: "../../.."),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "PSCBench",
            dependencies: [
                .product(name: "ProSanteConnect", package: "Passerelle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "PSCProfile",
            dependencies: [
                .product(name: "ProSanteConnect", package: "Passerelle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
