import ArgumentParser
import AsyncHTTPClient
import Foundation

/// `psc-sim ciba approve|deny|expire --admin <url> [--id <auth_req_id>]`: answers a pending CIBA request as
/// the professional would on the card or phone (the latest pending one when no id is given).
struct CIBACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ciba", abstract: "Answer a pending CIBA request.")

    @Argument(help: "approve, deny or expire") var action: String
    @Option(help: "Admin URL printed in the ready line.") var admin: String
    @Option(help: "auth_req_id (default: the latest pending request).") var id: String?

    func run() async throws {
        guard ["approve", "deny", "expire"].contains(action) else { throw ValidationError("approve, deny or expire") }
        var request = HTTPClientRequest(url: "\(admin)/ciba/\(id ?? "latest")/\(action)")
        request.method = .POST
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 16)
        print(String(buffer: body))
        if response.status != .ok { throw ExitCode(1) }
    }
}
