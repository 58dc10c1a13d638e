import Testing

@Suite("Identity repository on SQLite")
struct SQLiteRepositoryTests {
    @Test func createStoresTypedAndNormalisedTraits() async throws {
        try await RepositoryContract.createStoresTypedAndNormalisedTraits(.sqlite)
    }
    @Test func invalidTraitsAreRefused() async throws { try await RepositoryContract.invalidTraitsAreRefused(.sqlite) }
    @Test func rnivWorkflowReachesQualAndDropsOnTraitEdit() async throws {
        try await RepositoryContract.rnivWorkflowReachesQualAndDropsOnTraitEdit(.sqlite)
    }
    @Test func wrongKeyFromINSiIsFlaggedNeverStored() async throws {
        try await RepositoryContract.wrongKeyFromINSiIsFlaggedNeverStored(.sqlite)
    }
    @Test func attributesInvalidateAndBlockINSi() async throws {
        try await RepositoryContract.attributesInvalidateAndBlockINSi(.sqlite)
    }
    @Test func verificationKOGoesToWorkList() async throws {
        try await RepositoryContract.verificationKOGoesToWorkList(.sqlite)
    }
    @Test func searchesByTraitsMatriculeAndName() async throws {
        try await RepositoryContract.searchesByTraitsMatriculeAndName(.sqlite)
    }
    @Test func probableDuplicates() async throws { try await RepositoryContract.probableDuplicates(.sqlite) }
    @Test func tamperedRowsAreReportedWithTheirEvent() async throws {
        try await IntegrityContract.tamperedRowsAreReportedWithTheirEvent(.sqlite)
    }
    @Test func tamperedAuditEventsAreReportedExactly() async throws {
        try await IntegrityContract.tamperedAuditEventsAreReportedExactly(.sqlite)
    }
    @Test func killedWriterLosesNoAcknowledgedWrite() async throws {
        try await IntegrityContract.killedWriterLosesNoAcknowledgedWrite(.sqlite)
    }
    @Test func concurrentWritersLoseNoUpdate() async throws {
        try await IntegrityContract.concurrentWritersLoseNoUpdate(.sqlite)
    }
    @Test func importReportsBadLinesAndKeepsGoodOnes() async throws {
        try await ImportExportContract.importReportsBadLinesAndKeepsGoodOnes(.sqlite)
    }
    @Test func exportsJSONLinesAndFHIRBundle() async throws {
        try await ImportExportContract.exportsJSONLinesAndFHIRBundle(.sqlite)
    }
    @Test func bulkImportIsAuditedAndVerifiable() async throws {
        try await BulkImportContract.bulkImportIsAuditedAndVerifiable(.sqlite)
    }
    @Test func killedImportKeepsAcknowledgedBatches() async throws {
        try await BulkImportContract.killedImportKeepsAcknowledgedBatches(.sqlite)
    }
    @Test func importedIDsAreTimeOrderedAndIndexesServeTheSearches() async throws {
        try await BulkImportContract.importedIDsAreTimeOrderedAndIndexesServeTheSearches(.sqlite)
    }
    @Test func initialLoadRebuildsIndexesAndSearchesMatch() async throws {
        try await InitialLoadContract.initialLoadRebuildsIndexesAndSearchesMatch(.sqlite)
    }
    @Test func openRecreatesMissingSchemaIndexes() async throws {
        try await InitialLoadContract.openRecreatesMissingSchemaIndexes()
    }
}

@Suite("Identity repository on PostgreSQL", .enabled(if: TestBackend.postgresAvailable))
struct PostgresRepositoryTests {
    @Test func createStoresTypedAndNormalisedTraits() async throws {
        try await RepositoryContract.createStoresTypedAndNormalisedTraits(.postgres)
    }
    @Test func invalidTraitsAreRefused() async throws {
        try await RepositoryContract.invalidTraitsAreRefused(.postgres)
    }
    @Test func rnivWorkflowReachesQualAndDropsOnTraitEdit() async throws {
        try await RepositoryContract.rnivWorkflowReachesQualAndDropsOnTraitEdit(.postgres)
    }
    @Test func wrongKeyFromINSiIsFlaggedNeverStored() async throws {
        try await RepositoryContract.wrongKeyFromINSiIsFlaggedNeverStored(.postgres)
    }
    @Test func attributesInvalidateAndBlockINSi() async throws {
        try await RepositoryContract.attributesInvalidateAndBlockINSi(.postgres)
    }
    @Test func verificationKOGoesToWorkList() async throws {
        try await RepositoryContract.verificationKOGoesToWorkList(.postgres)
    }
    @Test func searchesByTraitsMatriculeAndName() async throws {
        try await RepositoryContract.searchesByTraitsMatriculeAndName(.postgres)
    }
    @Test func probableDuplicates() async throws { try await RepositoryContract.probableDuplicates(.postgres) }
    @Test func tamperedRowsAreReportedWithTheirEvent() async throws {
        try await IntegrityContract.tamperedRowsAreReportedWithTheirEvent(.postgres)
    }
    @Test func tamperedAuditEventsAreReportedExactly() async throws {
        try await IntegrityContract.tamperedAuditEventsAreReportedExactly(.postgres)
    }
    @Test func killedWriterLosesNoAcknowledgedWrite() async throws {
        try await IntegrityContract.killedWriterLosesNoAcknowledgedWrite(.postgres)
    }
    @Test func concurrentWritersLoseNoUpdate() async throws {
        try await IntegrityContract.concurrentWritersLoseNoUpdate(.postgres)
    }
    @Test func importReportsBadLinesAndKeepsGoodOnes() async throws {
        try await ImportExportContract.importReportsBadLinesAndKeepsGoodOnes(.postgres)
    }
    @Test func exportsJSONLinesAndFHIRBundle() async throws {
        try await ImportExportContract.exportsJSONLinesAndFHIRBundle(.postgres)
    }
    @Test func bulkImportIsAuditedAndVerifiable() async throws {
        try await BulkImportContract.bulkImportIsAuditedAndVerifiable(.postgres)
    }
    @Test func killedImportKeepsAcknowledgedBatches() async throws {
        try await BulkImportContract.killedImportKeepsAcknowledgedBatches(.postgres)
    }
    @Test func importedIDsAreTimeOrderedAndIndexesServeTheSearches() async throws {
        try await BulkImportContract.importedIDsAreTimeOrderedAndIndexesServeTheSearches(.postgres)
    }
    @Test func initialLoadRebuildsIndexesAndSearchesMatch() async throws {
        try await InitialLoadContract.initialLoadRebuildsIndexesAndSearchesMatch(.postgres)
    }
}
