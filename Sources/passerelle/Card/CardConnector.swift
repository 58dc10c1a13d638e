import CPS
import Foundation
import SmartCard

/// Opens the card the command works on, through PC/SC or the in-process virtual card.
enum CardConnector {
    static func open(
        _ options: CardTransportOptions, global: GlobalOptions
    ) async throws(AnyPasserelleError) -> OpenedCard {
        try await open(try await CardSettings.resolve(options, global: global))
    }

    static func open(_ settings: CardSettings) async throws(AnyPasserelleError) -> OpenedCard {
        if settings.inProcess {
            return try InProcessCards.open(settings)
        }
        return try await openPCSC(reader: settings.reader)
    }

    /// The named reader, or the first reader that holds a card.
    private static func openPCSC(reader wanted: String?) async throws(AnyPasserelleError) -> OpenedCard {
        let system = SmartCardSystem()
        let readers = try await cardStep { () async throws(SmartCardError) in try await system.readers() }
        if let wanted {
            guard readers.contains(wanted) else {
                throw AnyPasserelleError(CPSError.card(.readerUnavailable(.unknownReader)))
            }
            return try await connect(system, wanted)
        }
        guard !readers.isEmpty else {
            throw AnyPasserelleError(CPSError.card(.noReaders))
        }
        for reader in readers {
            do {
                return try await connect(system, reader)
            } catch {
                continue
            }
        }
        throw AnyPasserelleError(CPSError.card(.noCard))
    }

    private static func connect(_ system: SmartCardSystem, _ reader: String) async throws(AnyPasserelleError)
        -> OpenedCard
    {
        let connection = try await cardStep { () async throws(SmartCardError) in
            try await system.connect(reader: reader)
        }
        return OpenedCard(reader: reader, transport: "pcsc", channel: connection) {
            await connection.disconnect()
        }
    }

    /// What is in each reader right now, without sending an APDU (the ATR comes with the connection).
    static func survey(_ options: CardTransportOptions, global: GlobalOptions) async throws(AnyPasserelleError)
        -> [(reader: String, atr: [UInt8]?)]
    {
        let settings = try await CardSettings.resolve(options, global: global)
        if settings.inProcess {
            let opened = try InProcessCards.open(settings)
            await opened.close()
            return [(opened.reader, opened.channel.atr)]
        }
        let system = SmartCardSystem()
        let readers = try await cardStep { () async throws(SmartCardError) in try await system.readers() }
        var survey: [(reader: String, atr: [UInt8]?)] = []
        for reader in readers {
            do {
                let connection = try await system.connect(reader: reader)
                survey.append((reader, connection.atr))
                await connection.disconnect()
            } catch {
                survey.append((reader, nil))
            }
        }
        return survey
    }
}

/// Runs a PC/SC step and gives its failure the project's error shape.
func cardStep<T>(_ body: () async throws(SmartCardError) -> T) async throws(AnyPasserelleError) -> T {
    do {
        return try await body()
    } catch {
        throw AnyPasserelleError(CPSError.card(error))
    }
}

/// Runs a CPS step and gives its failure the project's error shape.
func cpsStep<T>(_ body: () async throws(CPSError) -> T) async throws(AnyPasserelleError) -> T {
    do {
        return try await body()
    } catch {
        throw AnyPasserelleError(error)
    }
}
