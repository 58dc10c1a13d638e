import ArgumentParser
import Foundation
import INS
import PasserelleConfiguration

/// Runs the whole product on the embedded default. Without a data directory it is a self-check (version, the
/// DataMatrix payload of the spec's example identity, the ready line). With one (`--data-dir` or
/// `PASSERELLE_DATA_DIR`) it starts `insi-sim`, `psc-sim` and the virtual card, writes `D/passerelle.yaml`, runs the
/// broker with the REST API on SQLite in `D`, prints the ready line, and runs until SIGINT/SIGTERM.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the whole product on the embedded default (broker, API, simulators, virtual card)."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Broker port (0 = any free port).") var port = 4747

    func run() async throws {
        do {
            let payload = try DemoIdentity.examplePayload()
            print("Passerelle \(PasserelleVersion.current) — démonstration")
            print("Identité d'exemple (qualifiée) : DUPONT-TESTEUR MARIE-CLAIRE ANNE, F, 14/03/1985, 75056")
            print("Charge utile DataMatrix INS (\(payload.bytes.count) octets) :")
            print(payload.visibleText)
        } catch {
            throw report(error, json: global.json, exit: ExitCode.failure)
        }
        var ready: [String: Any] = ["ready": true, "version": PasserelleVersion.current, "selfCheck": "ok"]
        guard let dataDirectory = global.dataDir ?? ProcessInfo.processInfo.environment["PASSERELLE_DATA_DIR"] else {
            Output.printJSONLine(ready)
            return
        }
        let simulator: DemoINSiSimulator
        let psc: DemoPSCSimulator
        let card: DemoVirtualCard
        let configurationPath = URL(fileURLWithPath: dataDirectory).appendingPathComponent("passerelle.yaml").path
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            let certs = try DemoINSiSimulator.locateCerts()
            simulator = try DemoINSiSimulator(certs: certs)
            psc = try DemoPSCSimulator(certs: certs)
            try psc.writeConfiguration(dataDirectory: dataDirectory)
            card = await DemoVirtualCard.start(certs: certs, dataDirectory: dataDirectory)
            let yaml =
                simulator.section(certs: certs, dataDirectory: dataDirectory).yaml + card.section.yaml
                + psc.yamlSection
            guard
                FileManager.default.createFile(
                    atPath: configurationPath, contents: Data(yaml.utf8), attributes: [.posixPermissions: 0o600])
            else {
                simulator.stop()
                psc.stop()
                card.stop()
                throw DemoINSiSimulator.Failure(description: "cannot write \(configurationPath)")
            }
        } catch {
            Output.printError(
                "Erreur : la démonstration n'a pas pu démarrer le simulateur INSi.\nDétail technique : \(error)")
            throw ExitStatus.dependencyUnavailable
        }
        let waiter = TerminationWaiter(child: simulator.process)
        LogOptions.bootstrap(nil, defaultFormat: .json, defaultLevel: .warning)
        let broker: DemoBroker
        do throws(AnyPasserelleError) {
            broker = try await DemoBroker.make(
                dataDirectory: dataDirectory, port: port, configurationPath: configurationPath,
                psc: psc.configuration, card: card.section, certs: psc.certs)
        } catch {
            simulator.stop()
            psc.stop()
            card.stop()
            throw report(error, json: global.json, exit: ExitStatus.dependencyUnavailable)
        }
        let (issuerStream, issuerContinuation) = AsyncStream.makeStream(of: String.self)
        let server = broker.server
        let serving = Task {
            do {
                try await server.run { issuer in issuerContinuation.yield(issuer) }
            } catch {
                Output.printError("Erreur : le service de connexion s'est arrêté.\nDétail technique : \(error)")
            }
            issuerContinuation.finish()
            waiter.finish("broker stopped")
        }
        var brokerURL: String?
        for await issuer in issuerStream {
            brokerURL = issuer
            break
        }
        guard let brokerURL else {
            simulator.stop()
            psc.stop()
            card.stop()
            await broker.wiring.close()
            throw ExitStatus.dependencyUnavailable
        }
        ready["broker"] = brokerURL
        ready["api"] = brokerURL + "/api/v1"
        ready["clientId"] = DemoBroker.appID
        Output.printError(
            DemoBroker.welcome(broker: brokerURL, insi: simulator.mtls, psc: psc.base, card: card.section))
        ready["insi"] = simulator.mtls
        ready["insiCPx"] = simulator.cpx
        ready["insiAdmin"] = simulator.admin
        ready["config"] = configurationPath
        ready["psc"] = psc.base
        ready["pscAdmin"] = psc.admin
        ready["card"] = card.section.transport.rawValue
        if let control = card.section.virtualControl { ready["cardControl"] = control }
        Output.printJSONLine(ready)
        fflush(nil)
        let reason = await waiter.wait()
        serving.cancel()
        await serving.value
        await broker.wiring.close()
        simulator.stop()
        psc.stop()
        card.stop()
        Output.printError("Démonstration arrêtée (\(reason)).")
        if reason == "insi-sim exited" || reason == "broker stopped" { throw ExitStatus.dependencyUnavailable }
    }
}

enum DemoIdentity {
    static func examplePayload() throws(AnyPasserelleError) -> INSDataMatrixPayload {
        let typed: Traits
        do {
            typed = try Traits(
                nomNaissance: "Dupont-Testeur", prenoms: "Marie-Claire Anne", sexe: "F", naissance: "1985-03-14",
                lieuNaissance: "75056")
        } catch { throw AnyPasserelleError(error) }
        let traits: NormalizedTraits
        do { traits = try typed.normalized() } catch { throw AnyPasserelleError(error) }
        let matricule: Matricule
        do { matricule = try Matricule("285037505612306") } catch { throw AnyPasserelleError(error) }
        do {
            return try INSDataMatrixPayload(
                identifier: INSIdentifier(matricule: matricule, oid: .nir), traits: traits, status: .qualifiee)
        } catch {
            throw AnyPasserelleError(error)
        }
    }
}
