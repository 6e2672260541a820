import DialogEngine
public import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// What a coordinator's transcript (`coordinator: true`) finds besides any `pair:`: two
/// participants in phase 1 without a pair, with complete profiles, so that the coordinator has
/// someone to propose, explain and keep apart — Carla Jansen (`transcript:carla`, a Dutch
/// teacher at Zadkine in Utrecht) and Daan Visser (`transcript:daan`, a policy advisor at the
/// Gemeente Utrecht). With a `pair:`, the pair's teacher is `transcript:anna` (Anna de Vries),
/// since the transcript's own participant is the coordinator.
public enum TranscriptPool {
    /// The pool's teacher.
    public static let teacherID = ParticipantID("transcript:carla")!
    /// The pool's professional.
    public static let professionalID = ParticipantID("transcript:daan")!
    /// The teacher of the `pair:` in a coordinator's transcript.
    public static let pairTeacherID = ParticipantID("transcript:anna")!
    /// The pool teacher's name.
    public static let teacherName = "Carla Jansen"
    /// The pool professional's name.
    public static let professionalName = "Daan Visser"

    /// Writes the two into `repository`, their profiles as of `now`.
    public static func prepare(in repository: any TwinRepository, language: Language, now: Date) async throws {
        let teacher = Profile(name: teacherName, side: .teacher, organization: "Zadkine", role: "docent Nederlands",
                              field: "languages", educationTypes: ["mbo"], companyTypes: ["government"],
                              background: "lerarenopleiding Nederlands", targetGroup: "mbo-studenten",
                              motivations: ["other_world"], criteria: [.personal], subjectPreference: .noPreference,
                              region: "Utrecht", updatedAt: now)
        let professional = Profile(name: professionalName, side: .professional, organization: "Gemeente Utrecht",
                                   role: "beleidsadviseur", field: "law_public", educationTypes: ["mbo"], companyTypes: ["government"],
                                   background: "bestuurskunde", targetGroup: "mbo-stagiairs",
                                   motivations: ["other_world"], criteria: [.personal], subjectPreference: .noPreference,
                                   region: "Utrecht", updatedAt: now)
        try await repository.transaction { tx in
            for (id, profile) in [(teacherID, teacher), (professionalID, professional)] {
                try tx.save(Participant(id: id, language: language, createdAt: now))
                try tx.save(profile, for: id)
            }
        }
    }
}
