import ArgumentParser

/// `passerelle card …`: the CPS in the reader, from the command line (design.md §8 exit codes: 2 refusal or bad
/// input such as a wrong PIN, 3 no pcscd, reader or card).
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "CPS card: readers, holder, PIN, signature, insert/remove events.",
        discussion: """
            The PIN (code porteur) is read from the terminal without echo, or as one line on standard input when it \
            is not a terminal; never from an argument or an environment variable. It is never retried.
            Transport: PC/SC (pcscd) by default; --in-process uses the virtual CPS3 inside this process.
            """,
        subcommands: [
            CardReadersCommand.self, CardStatusCommand.self, CardWatchCommand.self, CardVerifyPINCommand.self,
            CardSignCommand.self,
        ]
    )
}
