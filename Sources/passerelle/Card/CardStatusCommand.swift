import ArgumentParser
import CPS

struct CardStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Reader, card profile, holder, serial and PIN tries left (no PIN needed).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var transport: CardTransportOptions

    func run() async throws {
        let json = global.json
        try await CardRunner.run(transport, global) { opened throws(AnyPasserelleError) in
            let card = try await cpsStep { () async throws(CPSError) in try CPSCard(channel: opened.channel) }
            let identity = try await cpsStep { () async throws(CPSError) in try await card.readIdentity() }
            let pin = try await cpsStep { () async throws(CPSError) in try await card.pinStatus() }
            if json {
                Output.printJSON([
                    "reader": opened.reader, "transport": opened.transport, "atr": opened.channel.atr.hexString,
                    "profile": card.profile.label, "serial": identity.serial,
                    "holder": CardPresentation.holderJSON(identity.holder), "pin": CardPresentation.pinJSON(pin),
                ])
                return
            }
            Output.printTable(
                [("Lecteur", opened.reader), ("Carte", card.profile.label), ("Numéro de série", identity.serial)]
                    + CardPresentation.holderRows(identity.holder)
                    + [("Essais du code porteur", CardPresentation.triesText(pin))])
        }
    }
}
