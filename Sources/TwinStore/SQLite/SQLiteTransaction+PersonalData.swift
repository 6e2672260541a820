import Foundation
import GRDB
import Twinning

/// A participant's own data requests made in the chat: the export read inside the turn's
/// transaction.
extension SQLiteTransaction {
    func exportPersonalData(of id: ParticipantID, at now: Date, scope: PersonalDataExportScope) throws -> Data {
        try PersonalDataExport.export(id, at: now, in: db, scope: scope)
    }
}
