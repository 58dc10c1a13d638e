import ArgumentParser
import CPS

struct CardVerifyPINCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-pin",
        abstract: "Check the code porteur once (read without echo; one line of standard input when not a terminal).",
        discussion: """
            Shows the tries left first. With one try left the PIN is not asked for unless --confirm-last-try is \
            given (a wrong PIN then blocks the card). Never retried. Exit code 2 on a wrong PIN.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var transport: CardTransportOptions

    @Flag(
        name: .customLong("confirm-last-try"),
        help: "Send the PIN even when only one try is left (the card blocks if it is wrong).")
    var confirmLastTry = false

    func run() async throws {
        let json = global.json
        let confirm = confirmLastTry
        try await CardRunner.run(transport, global) { opened throws(AnyPasserelleError) in
            let card = try await cpsStep { () async throws(CPSError) in try CPSCard(channel: opened.channel) }
            let identity = try await cpsStep { () async throws(CPSError) in try await card.readIdentity() }
            try await PINGate.verify(card, confirmLastTry: confirm, json: json)
            let after = try await cpsStep { () async throws(CPSError) in try await card.pinStatus() }
            if json {
                Output.printJSON([
                    "verified": true, "reader": opened.reader, "nationalId": identity.holder.nationalID,
                    "pin": CardPresentation.pinJSON(after),
                ])
            } else {
                print("Code porteur vérifié (\(identity.holder.givenName) \(identity.holder.familyName)).")
            }
        }
    }
}
