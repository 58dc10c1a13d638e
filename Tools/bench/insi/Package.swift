// swift-tools-version: 6.1
// Benchmark of the INSi client against insi-sim (see `run`). A separate package so it never joins the test targets.
import PackageDescription

let package = Package(
    name: "INSiBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Passerelle", path: "../../..")
    ],
    targets: [
        .executableTarget(
            name: "INSiBench",
            dependencies: [
                .product(name: "INSi", package: "Passerelle"),
                .product(name: "INS", package: "Passerelle"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
