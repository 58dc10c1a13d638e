import ArgumentParser
import Foundation
import ProSanteConnect

struct PSCWhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami", abstract: "Show who is logged in (identity only, never tokens).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = PSCEnvironment(global: global, configPath: nil)
        do throws(PSCError) {
            Self.show(try environment.loadSession(), json: global.json)
        } catch {
            throw pscExit(error, json: global.json)
        }
    }

    static func show(_ session: PSCSession, json: Bool) {
        let identity = session.identity
        let situations: [[String: String]] = (identity.subjectRefPro?.exercices ?? []).flatMap { exercice in
            exercice.activities.map { activity in
                [
                    "profession": exercice.codeProfession ?? "",
                    "structure": activity.raisonSocialeSite ?? activity.enseigneCommercialeSite ?? "",
                    "identifiantStructure": activity.identifiantTechniqueDeLaStructure ?? "",
                ]
            }
        }
        let formatter = ISO8601DateFormatter()
        if json {
            Output.printJSON([
                "subjectNameID": identity.subjectNameID, "givenName": identity.givenName ?? "",
                "familyName": identity.familyName ?? "", "acr": identity.acr ?? "", "method": session.method,
                "accessTokenExpiresAt": formatter.string(from: session.tokens.accessTokenExpiresAt),
                "situations": situations,
            ])
            return
        }
        var rows: [(String, String)] = [
            ("Identifiant national", identity.subjectNameID),
            ("Nom", [identity.givenName, identity.familyName].compactMap { $0 }.joined(separator: " ")),
            ("Niveau (acr)", identity.acr ?? "—"),
            ("Méthode", session.method),
            ("Jeton d'accès valable jusqu'à", formatter.string(from: session.tokens.accessTokenExpiresAt)),
        ]
        for (index, situation) in situations.enumerated() {
            rows.append(
                ("Situation \(index + 1)", "\(situation["profession"] ?? "") — \(situation["structure"] ?? "")"))
        }
        Output.printTable(rows)
    }
}
