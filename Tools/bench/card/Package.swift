// swift-tools-version: 6.1
// Benchmark of the card path through pcscd (see `run`). A separate package so it never joins the test targets.
import PackageDescription

let package = Package(
    name: "CardBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Passerelle", path: "../../..")
    ],
    targets: [
        .executableTarget(
            name: "CardBench",
            dependencies: [
                .product(name: "CPS", package: "Passerelle"),
                .product(name: "SmartCard", package: "Passerelle"),
                .product(name: "VirtualCPSCard", package: "Passerelle"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
