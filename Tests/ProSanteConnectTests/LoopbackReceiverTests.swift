import Foundation
import Testing

@testable import ProSanteConnect

@Suite("Loopback redirect receiver")
struct LoopbackReceiverTests {
    @Test("no redirect within the timeout ends the wait with a typed error instead of hanging")
    func timeout() async throws {
        let receiver = try await LoopbackRedirectReceiver.start()
        defer { Task { await receiver.close() } }
        await #expect(throws: PSCError.authorizationRefused(error: "timeout", description: "no redirect received")) {
            try await receiver.waitForCallback(timeout: 0.3)
        }
    }

    @Test("other paths get 404 and do not complete the login; the registered path does")
    func paths() async throws {
        let receiver = try await LoopbackRedirectReceiver.start(path: "/callback")
        defer { Task { await receiver.close() } }
        let base = String(receiver.redirectURI.dropLast("/callback".count))
        #expect(try await Browser.get(base + "/other?code=x&state=y").status == 404)
        #expect(try await Browser.get(receiver.redirectURI + "?code=abc&state=def").status == 200)
        let callback = try await receiver.waitForCallback(timeout: 5)
        #expect(callback == CallbackParameters(code: "abc", state: "def"))
    }
}
