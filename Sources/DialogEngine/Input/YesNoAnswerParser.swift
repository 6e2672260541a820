/// Reads `yesno` answers in either language: `ja`, `nee`, `yes`, `no`, `klopt`, `oké`, `nope`…
enum YesNoAnswerParser {
    /// Folded answers that mean yes.
    static let yes: Set<String> = [
        "ja", "j", "yes", "y", "jazeker", "ja zeker", "jawel", "ja hoor", "ja graag", "klopt",
        "dat klopt", "ok", "oke", "okay", "okido", "zeker", "zeker weten", "yep", "yup", "yeah",
        "sure", "yes please", "true", "waar", "akkoord",
    ]

    /// Folded answers that mean no.
    static let no: Set<String> = [
        "nee", "n", "no", "neen", "nope", "nah", "nee hoor", "nee dank je", "nee bedankt",
        "no thanks", "no thank you", "false", "onwaar",
    ]

    /// Parses the answer; anything not clearly yes or no is asked again rather than guessed,
    /// since `ja, maar…` may well mean no.
    static func parse(_ text: String) -> Result<Value, InputRejection> {
        let folded = TextFolding.fold(text)
        if yes.contains(folded) { return .success(.bool(true)) }
        if no.contains(folded) { return .success(.bool(false)) }
        return .failure(InputRejection(nl: "Antwoord met ja of nee.", en: "Answer yes or no."))
    }
}
