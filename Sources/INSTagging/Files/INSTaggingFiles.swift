import Foundation

/// The thin file-system edge of the module: read the input, compute everything in memory, then publish the output
/// atomically (temporary file in the output's directory, then rename). On any error nothing is left behind and the
/// input is never opened for writing.
public enum INSTaggingFiles {
    public static func writeLabel(_ request: INSLabelRequest, to outputPath: String) throws(INSTaggingError) {
        let bytes = try INSLabelPDF.make(request)
        try publish(bytes, to: URL(fileURLWithPath: outputPath))
    }

    public static func stampFirstPage(inputPath: String, outputPath: String, with request: StampRequest)
        throws(INSTaggingError)
    {
        let input = URL(fileURLWithPath: inputPath)
        let output = URL(fileURLWithPath: outputPath)
        if try isSameFile(input, output) {
            throw .outputIsInput
        }
        let original: [UInt8]
        do {
            original = Array(try Data(contentsOf: input))
        } catch {
            throw .fileSystem(reason: "cannot read \(inputPath): \(error.localizedDescription)")
        }
        let stamped = try PDFStamper.stampFirstPage(of: original, with: request)
        try publish(stamped, to: output)
    }

    /// Same path after resolving symbolic links, or the same file reached through a hard link.
    static func isSameFile(_ first: URL, _ second: URL) throws(INSTaggingError) -> Bool {
        if canonical(first) == canonical(second) {
            return true
        }
        let manager = FileManager.default
        guard let a = try? manager.attributesOfItem(atPath: first.path),
            let b = try? manager.attributesOfItem(atPath: second.path)
        else {
            return false
        }
        let sameDevice = (a[.systemNumber] as? NSNumber) == (b[.systemNumber] as? NSNumber)
        let sameInode = (a[.systemFileNumber] as? NSNumber) == (b[.systemFileNumber] as? NSNumber)
        return sameDevice && sameInode && a[.systemFileNumber] != nil
    }

    private static func canonical(_ url: URL) -> String {
        let standardized = url.standardizedFileURL
        if FileManager.default.fileExists(atPath: standardized.path) {
            return standardized.resolvingSymlinksInPath().path
        }
        // A file that does not exist yet: resolve its directory.
        let directory = standardized.deletingLastPathComponent().resolvingSymlinksInPath()
        return directory.appendingPathComponent(standardized.lastPathComponent).path
    }

    private static func publish(_ bytes: [UInt8], to output: URL) throws(INSTaggingError) {
        let directory = output.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(output.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(bytes).write(to: temporary, options: [.withoutOverwriting])
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .fileSystem(reason: "cannot write \(temporary.path): \(error.localizedDescription)")
        }
        guard rename(temporary.path, output.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw .fileSystem(reason: "cannot rename to \(output.path): \(String(cString: strerror(code)))")
        }
    }
}
