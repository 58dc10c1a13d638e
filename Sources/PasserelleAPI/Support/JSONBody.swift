import Foundation
import Hummingbird

/// Reads a JSON request body into a `Decodable`, turning every failure into `APIError.invalidBody` with the
/// member at fault (programs read `technicalDetail`; people read the French title).
enum JSONBody {
    static let limit = 64 * 1024

    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request) async throws(APIError) -> Value {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw .invalidBody("body missing or larger than \(limit) bytes")
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(buffer: buffer))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidBody("member \(key.stringValue) is required")
        } catch let DecodingError.typeMismatch(_, context) where context.codingPath.isEmpty {
            throw .invalidBody("the body must be a JSON object")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalidBody("member \(path(context)) has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalidBody("member \(path(context)) is null")
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidBody(context.codingPath.isEmpty ? "not JSON" : "member \(path(context)) is invalid")
        } catch {
            throw .invalidBody("\(Swift.type(of: error))")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }
}
