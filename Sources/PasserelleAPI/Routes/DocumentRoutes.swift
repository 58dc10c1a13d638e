import Broker
import DataMatrix
import Foundation
import Hummingbird
import INS
import INSTagging
import IdentityStore

extension APIHandlers {
    /// Largest PDF accepted for tagging.
    static let documentLimit = 20 * 1_048_576

    func register(documents routes: APIRoutes) {
        routes.add(.get, "/api/v1/identities/{id}/datamatrix/payload", scope: "api:datamatrix") { request, context in
            try await mapped {
                let payload = try Self.payload(try await identity(request, context))
                return Replies.json([
                    "payload": String(decoding: payload.bytes, as: UTF8.self), "visibleText": payload.visibleText,
                    "length": payload.bytes.count,
                ])
            }
        }
        routes.add(.get, "/api/v1/identities/{id}/datamatrix/svg", scope: "api:datamatrix") { request, context in
            try await mapped {
                let symbol = try Self.symbol(try Self.payload(try await identity(request, context)))
                let svg = try SVGRenderer.render(symbol, moduleSizeMillimetres: INSLabelRequest.defaultModuleSizeMM)
                return Replies.raw(Data(svg.utf8), contentType: "image/svg+xml")
            }
        }
        routes.add(.get, "/api/v1/identities/{id}/datamatrix/png", scope: "api:datamatrix") { request, context in
            try await mapped {
                let scale = try Self.scale(request)
                let symbol = try Self.symbol(try Self.payload(try await identity(request, context)))
                return Replies.raw(Data(try PNGRenderer.render(symbol, scale: scale)), contentType: "image/png")
            }
        }
        routes.add(.get, "/api/v1/identities/{id}/label", scope: "api:datamatrix") { request, context in
            try await mapped {
                let payload = try Self.payload(try await identity(request, context))
                let pdf = try INSLabelPDF.make(INSLabelRequest(payload: payload))
                return Self.pdf(pdf, name: "etiquette-ins.pdf")
            }
        }
        routes.add(.post, "/api/v1/identities/{id}/tagged-document", scope: "api:datamatrix") { request, context in
            try await mapped {
                let payload = try Self.payload(try await identity(request, context))
                var request = request
                let buffer: ByteBuffer
                do {
                    buffer = try await request.collectBody(upTo: Self.documentLimit)
                } catch {
                    throw APIError.documentTooLarge(limit: Self.documentLimit)
                }
                let stamped = try PDFStamper.stampFirstPage(
                    of: Array(buffer: buffer), with: StampRequest(payload: payload, corner: .topRight))
                return Self.pdf(stamped, name: "document-ins.pdf")
            }
        }
        routes.add(.get, "/api/v1/identities/{id}/fhir", scope: "api:identities") { request, context in
            try await mapped {
                let record = try await identity(request, context)
                return Replies.raw(Data(FHIRPatient.json(record.snapshot).utf8), contentType: "application/fhir+json")
            }
        }
        routes.add(.get, "/api/v1/identities/{id}/cda", scope: "api:identities") { request, context in
            try await mapped {
                let record = try await identity(request, context)
                return Replies.raw(Data(CDARecordTarget.xml(record.snapshot).utf8), contentType: "application/xml")
            }
        }
        routes.add(.get, "/api/v1/identities/{id}/hl7v2", scope: "api:identities") { request, context in
            try await mapped {
                let record = try await identity(request, context)
                return Replies.raw(
                    Data(HL7v2PID.segment(record.snapshot).utf8), contentType: "text/plain; charset=utf-8")
            }
        }
    }

    /// The INS DataMatrix payload: only for a qualified identity with its INS (the RNIV rule).
    static func payload(_ record: IdentityRecord) throws -> INSDataMatrixPayload {
        guard record.state.status == .qualifiee, let ins = record.ins else {
            throw APIError.notQualified(status: record.state.status.rawValue)
        }
        return try INSDataMatrixPayload(identifier: ins, traits: record.normalized, status: record.state.status)
    }

    /// Square, header in C40, quiet zone 2 (the product's INS defaults).
    static func symbol(_ payload: INSDataMatrixPayload) throws(DataMatrixError) -> DataMatrixSymbol {
        try DataMatrixEncoder.encode(
            payload.bytes,
            options: DataMatrixOptions(encodation: .forcedC40Prefix(INSDataMatrixPayload.header.count), quietZone: 2))
    }

    static func scale(_ request: Request) throws(APIError) -> Int {
        guard let text = request.uri.queryParameters.get("scale"), !text.isEmpty else { return 4 }
        guard let scale = Int(text), (1...40).contains(scale) else {
            throw .invalidParameter(name: "scale", reason: "entier de 1 à 40 attendu")
        }
        return scale
    }

    static func pdf(_ bytes: [UInt8], name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentDisposition] = "inline; filename=\"\(name)\""
        return Replies.raw(Data(bytes), contentType: "application/pdf", extraHeaders: headers)
    }
}
