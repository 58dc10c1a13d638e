import ArgumentParser

/// Where the card is: PC/SC (default) or the virtual CPS3 in this process (tests, demo without pcscd).
/// `CardSettings` completes these from the configuration's `card` section.
struct CardTransportOptions: ParsableArguments {
    @Option(name: .long, help: "Reader name (default: the first reader holding a card).")
    var reader: String?

    @Flag(
        name: .customLong("in-process"),
        help: "Use the virtual CPS3 inside this process instead of pcscd (or PASSERELLE_CARD_TRANSPORT=in-process).")
    var inProcess = false

    @Option(
        name: .customLong("card-dir"),
        help: "Virtual cards (cards.json) for --in-process (or PASSERELLE_VIRTUAL_CARDS; default Certs/cards).")
    var cardDirectory: String?

    @Option(name: .customLong("card"), help: "Which virtual card for --in-process (default: the first).")
    var card: String?
}
