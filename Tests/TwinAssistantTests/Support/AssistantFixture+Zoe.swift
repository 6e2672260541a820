import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

extension AssistantFixture {
    /// The intake answers of Zoe, a teacher whose name, school and role are found nowhere else,
    /// so that a test can look for them in the database file's bytes.
    static var zoeAnswers: [String] {
        var answers = intakeAnswers
        answers[0] = "Zoetelief Quarkpoot"
        answers[2] = "Quarkpoot Lyceum"
        answers[4] = "docent quarkologie"
        return answers
    }

    /// `teacher` (standard intake) and `professional` with their intakes done and a pair between
    /// them proposed by mutual like, not yet confirmed.
    func proposedPair(teacher: ParticipantID, professional: ParticipantID) async throws {
        try await OpenMatchingFlowTests.intake(assistant, teacher, Self.intakeAnswers)
        try await OpenMatchingFlowTests.intake(assistant, professional, OpenMatchingFlowTests.professionalIntake)
        try await repository.transaction { tx in
            try tx.save(Pair(id: "p1", teacher: teacher, professional: professional, origin: .mutualLike, status: .proposed,
                             score: 1, proposedAt: Date()))
        }
    }
}
