import ArgumentParser
import CPS
import SmartCard

struct CardReadersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readers", abstract: "List the card readers and what each one holds.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var transport: CardTransportOptions

    func run() async throws {
        let survey: [(reader: String, atr: [UInt8]?)]
        do {
            survey = try await CardConnector.survey(transport, global: global)
        } catch {
            throw CardRunner.fail(error, json: global.json)
        }
        if global.json {
            let readers: [[String: Any]] = survey.map { entry in
                var object: [String: Any] = ["name": entry.reader, "cardPresent": entry.atr != nil]
                if let atr = entry.atr {
                    object["atr"] = atr.hexString
                    object["profile"] = CardProfile(atr: atr).label
                }
                return object
            }
            Output.printJSON(["readers": readers])
            return
        }
        if survey.isEmpty {
            print("Aucun lecteur de cartes.")
            return
        }
        Output.printTable(
            survey.map { entry in
                (entry.reader, entry.atr.map { "\(CardProfile(atr: $0).label) (ATR \($0.hexString))" } ?? "vide")
            })
    }
}
