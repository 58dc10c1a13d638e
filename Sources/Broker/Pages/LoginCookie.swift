import Hummingbird

/// The login transaction cookie: `HttpOnly; SameSite=Strict; Path=/`, no `Secure` (plain-HTTP loopback).
enum LoginCookie {
    static let name = "passerelle_login"

    static func set(_ transaction: LoginTransaction) -> String {
        "\(name)=\(transaction.cookieSecret); Path=/; HttpOnly; SameSite=Strict; Max-Age=900"
    }

    static func value(_ request: Request) -> String? {
        request.cookies[name]?.value
    }
}
