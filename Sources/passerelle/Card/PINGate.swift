import CPS

/// The PIN rules of spec §3 on the command line: read the counter first; blocked → refuse; one try left → refuse
/// unless `--confirm-last-try`; only then ask for the PIN, and send it once. Never retried.
enum PINGate {
    /// Verifies the PIN on `card`; returns the counters read before sending it.
    @discardableResult
    static func verify(_ card: CPSCard, confirmLastTry: Bool, json: Bool) async throws(AnyPasserelleError)
        -> PINStatus
    {
        let status = try await cpsStep { () async throws(CPSError) in try await card.pinStatus() }
        if !json {
            Output.printError("Essais restants du code porteur : \(CardPresentation.triesText(status))")
        }
        if status.isBlocked {
            throw AnyPasserelleError(CPSError.pinBlocked)
        }
        if status.isLastTry && !confirmLastTry {
            throw AnyPasserelleError(CPSError.lastTryConfirmationRequired)
        }
        let pin = try PINPrompt.read()
        do {
            try await card.verifyPIN(pin, confirmLastTry: confirmLastTry)
        } catch {
            throw AnyPasserelleError(error)
        }
        return status
    }
}
