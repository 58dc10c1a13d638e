import Foundation
import PasserelleConfiguration
import SmartCard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The demo's CPS. With pcscd and its vpcd driver, a `virtual-cps` child plugged into the vpcd readers: every PC/SC
/// application sees the card, and `virtual-cps ctl --control D/virtual-cps.sock remove|insert|select <card>`
/// pulls and pushes it while the demo runs. Without pcscd (or when another virtual card already sits in the vpcd
/// readers), the in-process transport. Either way the `card` section of the demo configuration says which.
final class DemoVirtualCard: @unchecked Sendable {
    static let reader = "Virtual PCD 00 00"

    let process: Process?
    let section: CardSection

    private init(process: Process?, section: CardSection) {
        self.process = process
        self.section = section
    }

    static func start(certs: String, dataDirectory: String) async -> DemoVirtualCard {
        let cards = "\(certs)/cards"
        let trust = "\(certs)/ca/chain-personnes.pem"
        let inProcess = DemoVirtualCard(
            process: nil,
            section: CardSection(
                transport: .inProcess, trustRoots: trust, virtualCards: cards, virtualCard: "medecin-1"))
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("virtual-cps")
        guard FileManager.default.isExecutableFile(atPath: binary.path),
            let readers = try? await SmartCardSystem().readers(), readers.contains(reader),
            await !cardPresent()
        else {
            return inProcess
        }
        let control = URL(fileURLWithPath: dataDirectory).appendingPathComponent("virtual-cps.sock").path
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--card-dir", cards, "--control", control]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return inProcess
        }
        guard readyLine(out.fileHandleForReading) else {
            process.terminate()
            return inProcess
        }
        for _ in 0..<50 where await !cardPresent() {
            try? await Task.sleep(for: .milliseconds(100))
        }
        return DemoVirtualCard(
            process: process,
            section: CardSection(
                transport: .pcsc, reader: reader, trustRoots: trust, virtualCards: cards, virtualControl: control))
    }

    private static func cardPresent() async -> Bool {
        guard let connection = try? await PCSCConnection.connect(reader: reader) else {
            return false
        }
        await connection.disconnect()
        return true
    }

    private static func readyLine(_ handle: FileHandle) -> Bool {
        var line = Data()
        while true {
            let byte = handle.readData(ofLength: 1)
            guard let value = byte.first else {
                return false
            }
            if value == 0x0A {
                break
            }
            line.append(value)
        }
        let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any]
        return object?["ready"] as? Bool == true
    }

    /// SIGTERM, then SIGKILL after two seconds: the demo must never hang on its way out.
    func stop() {
        guard let process, process.isRunning else {
            return
        }
        process.terminate()
        for _ in 0..<20 where process.isRunning {
            usleep(100_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }
}
