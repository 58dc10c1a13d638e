import Foundation
import Hummingbird

/// `/admin/…`: test and demo control. Loopback only, never on the mTLS listener, never in production.
extension Simulator {
    func adminJSON(_ request: Request) async -> [String: Any] {
        guard let buffer = try? await request.body.collect(upTo: 1 << 16),
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any]
        else { return [:] }
        return object
    }

    func adminAddFailure(_ request: Request) async -> Response {
        let json = await adminJSON(request)
        guard let endpoint = json["endpoint"] as? String, let mode = json["mode"] as? String else {
            return Reply.json(["error": "endpoint and mode required"], status: .badRequest)
        }
        await state.addFailure(
            Failure(
                endpoint: endpoint, mode: mode, value: json["value"] as? String, remaining: json["remaining"] as? Int))
        return Reply.json(["ok": true])
    }

    func adminCIBA(_ context: SimulatorContext) async -> Response {
        guard let action = context.parameters.get("action") else {
            return Reply.json(["error": "action"], status: .badRequest)
        }
        let id = context.parameters.get("id").flatMap { $0 == "latest" ? nil : $0 }
        let status: CIBAStatus
        switch action {
        case "approve": status = .approved
        case "deny": status = .denied
        case "expire": status = .expired
        default: return Reply.json(["error": "approve, deny or expire"], status: .badRequest)
        }
        guard let entry = await state.resolveCIBA(id, status: status) else {
            return Reply.json(["error": "no pending CIBA request"], status: .notFound)
        }
        return Reply.json(["id": entry.id, "status": entry.status.rawValue])
    }

    func adminState() async -> Response {
        let pending = await state.cibaList().map { entry -> [String: Any] in
            [
                "id": entry.id, "login_hint": entry.nationalID, "binding_message": entry.bindingMessage ?? "",
                "channel": entry.channel, "status": entry.status.rawValue,
            ]
        }
        let failures = await state.failures.map { ["endpoint": $0.endpoint, "mode": $0.mode] }
        return Reply.json([
            "ciba": pending, "failures": failures, "stats": await state.stats,
            "keyGeneration": await state.keyGeneration,
        ])
    }

    func registerAdmin(on router: Router<SimulatorContext>) {
        router.get("/admin/state") { _, _ in await self.adminState() }
        router.post("/admin/failures") { request, _ in await self.adminAddFailure(request) }
        router.delete("/admin/failures") { _, _ in
            await self.state.clearFailures()
            return Reply.json(["ok": true])
        }
        router.post("/admin/settings") { request, _ in
            await self.state.updateSettings(await self.adminJSON(request))
            return Reply.json(["ok": true])
        }
        router.post("/admin/rotate-keys") { _, _ in
            await self.state.rotateKeys()
            return Reply.json(["keyGeneration": await self.state.keyGeneration])
        }
        router.post("/admin/ciba/:id/:action") { _, context in await self.adminCIBA(context) }
    }
}
