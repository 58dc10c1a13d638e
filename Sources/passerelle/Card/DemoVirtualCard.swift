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

    let child: DemoChild?
    let section: CardSection

    private init(child: DemoChild?, section: CardSection) {
        self.child = child
        self.section = section
    }

    static func start(certs: String, dataDirectory: String) async -> DemoVirtualCard {
        let cards = "\(certs)/cards"
        let trust = "\(certs)/ca/chain-personnes.pem"
        let inProcess = DemoVirtualCard(
            child: nil,
            section: CardSection(
                transport: .inProcess, trustRoots: trust, virtualCards: cards, virtualCard: "medecin-1"))
        guard let readers = try? await SmartCardSystem().readers(), readers.contains(reader), await !cardPresent()
        else {
            return inProcess
        }
        let control = URL(fileURLWithPath: dataDirectory).appendingPathComponent("virtual-cps.sock").path
        guard
            let child = try? DemoChild(
                executable: "virtual-cps", arguments: ["--card-dir", cards, "--control", control],
                standardError: .nullDevice)
        else {
            return inProcess
        }
        for _ in 0..<50 where await !cardPresent() {
            try? await Task.sleep(for: .milliseconds(100))
        }
        return DemoVirtualCard(
            child: child,
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

    func stop() { child?.stop() }
}
