import Foundation

/// The committed PDFs under `Fixtures/` (rebuilt by `Fixtures/make-fixtures.sh`).
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func url(_ name: String) throws -> URL {
        guard let base = Bundle.module.resourceURL else {
            throw Missing(description: "test bundle has no resources")
        }
        let url = base.appendingPathComponent("Fixtures").appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(description: "fixture \(name) is missing: run Fixtures/make-fixtures.sh")
        }
        return url
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: try url(name)))
    }
}
