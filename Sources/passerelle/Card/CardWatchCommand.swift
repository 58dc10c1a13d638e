import ArgumentParser
import CPS
import Foundation
import SmartCard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct CardWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Stream reader and card events (insert, remove, readers, pcscd) until Ctrl-C.",
        discussion: "With --json, one JSON object per line and per event.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var transport: CardTransportOptions

    @Flag(name: .long, help: "Read the holder of each inserted CPS3 (no PIN needed).")
    var identity = false

    @Option(name: .long, help: "Stop after this many events (scripts; default: until Ctrl-C).")
    var count: Int?

    func run() async throws {
        CardWatchCommand.exitOnInterrupt()
        let printer = EventPrinter(json: global.json, readIdentity: identity, limit: count)
        let settings: CardSettings
        do {
            settings = try await CardSettings.resolve(transport, global: global)
        } catch {
            throw CardRunner.fail(error, json: global.json)
        }
        if settings.inProcess {
            let opened: OpenedCard
            do {
                opened = try await CardConnector.open(settings)
            } catch {
                throw CardRunner.fail(error, json: global.json)
            }
            for event in [
                ReaderEvent.readerAdded(reader: opened.reader),
                .cardInserted(reader: opened.reader, atr: opened.channel.atr),
            ] {
                if await printer.show(event, channel: opened.channel) {
                    return
                }
            }
            while true {
                try await Task.sleep(for: .seconds(3600))
            }
        }
        for await event in SmartCardSystem().events() {
            var channel: (any CardChannel)?
            var connection: PCSCConnection?
            if identity, case .cardInserted(let reader, let atr) = event, CardProfile(atr: atr) == .cps3Contact {
                connection = try? await PCSCConnection.connect(reader: reader)
                channel = connection
            }
            let done = await printer.show(event, channel: channel)
            await connection?.disconnect()
            if done {
                return
            }
        }
    }

    /// Ctrl-C ends the stream with status 0 (it is the normal way to stop watching).
    private static func exitOnInterrupt() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            endWatching()
        }
        source.resume()
        interruptSource = source
    }
}

private func endWatching() -> Never {
    fflush(nil)
    exit(0)
}

/// Keeps the signal source alive for the life of the process.
nonisolated(unsafe) private var interruptSource: (any DispatchSourceSignal)?

/// Prints events one per line, flushed at once so a pipe sees them as they happen.
final class EventPrinter {
    let json: Bool
    let readIdentity: Bool
    let limit: Int?
    private var shown = 0

    init(json: Bool, readIdentity: Bool, limit: Int?) {
        self.json = json
        self.readIdentity = readIdentity
        self.limit = limit
    }

    /// Prints `event`; true once the limit is reached.
    func show(_ event: ReaderEvent, channel: (any CardChannel)?) async -> Bool {
        var object: [String: Any] = ["time": CardPresentation.timestamp()]
        var words: [String]
        switch event {
        case .readerAdded(let reader):
            object["event"] = "reader-added"
            object["reader"] = reader
            words = ["lecteur branché", reader]
        case .readerRemoved(let reader):
            object["event"] = "reader-removed"
            object["reader"] = reader
            words = ["lecteur débranché", reader]
        case .cardInserted(let reader, let atr):
            object["event"] = "card-inserted"
            object["reader"] = reader
            object["atr"] = atr.hexString
            object["profile"] = CardProfile(atr: atr).label
            words = ["carte insérée", reader, CardProfile(atr: atr).label]
        case .cardRemoved(let reader):
            object["event"] = "card-removed"
            object["reader"] = reader
            words = ["carte retirée", reader]
        case .serviceUnavailable:
            object["event"] = "service-unavailable"
            words = ["service pcscd indisponible"]
        case .serviceAvailable:
            object["event"] = "service-available"
            words = ["service pcscd disponible"]
        }
        if readIdentity, let channel, case .cardInserted = event {
            do {
                let identity = try await CPSCard(channel: channel).readIdentity()
                object["serial"] = identity.serial
                object["holder"] = CardPresentation.holderJSON(identity.holder)
                words.append("\(identity.holder.nationalID) \(identity.holder.givenName) \(identity.holder.familyName)")
            } catch {
                object["error"] = ["code": error.code, "message": error.userMessage, "detail": error.technicalDetail]
                words.append(error.userMessage)
            }
        }
        if json {
            Output.printJSONLine(object)
        } else {
            let time = (object["time"] as? String) ?? ""
            print(([time] + words).joined(separator: "  "))
        }
        fflush(nil)
        shown += 1
        return limit.map { shown >= $0 } ?? false
    }
}
