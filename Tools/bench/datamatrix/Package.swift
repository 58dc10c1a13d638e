// swift-tools-version: 6.1
// Benchmark of the DataMatrix module against zint (see `run`). A separate package so it never joins the test targets.
import PackageDescription

let package = Package(
    name: "DataMatrixBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Passerelle", path: "../../..")],
    targets: [
        .executableTarget(
            name: "DataMatrixBench",
            dependencies: [.product(name: "DataMatrix", package: "Passerelle")]
        )
    ],
    swiftLanguageModes: [.v6]
)
