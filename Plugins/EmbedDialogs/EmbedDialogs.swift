import Foundation
import PackagePlugin

/// Generates `BuiltinDialogs.swift` from the package's `Dialogs/*.yaml` and the matching table
/// `Dialogs/matching/terms.yaml`, so that both are compiled into the binary and `jobtwin` works
/// from any folder.
@main
struct EmbedDialogs: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dialogs = context.package.directoryURL.appending(path: "Dialogs")
        let files = (try? FileManager.default.contentsOfDirectory(at: dialogs, includingPropertiesForKeys: nil)) ?? []
        let inputs = files.filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let terms = dialogs.appending(path: "matching/terms.yaml")
        let termsInputs = FileManager.default.fileExists(atPath: terms.path(percentEncoded: false)) ? [terms] : []
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinDialogs.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) dialog(s) from Dialogs/",
                executable: try context.tool(named: "DialogEmbedder").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) }
                    + termsInputs.flatMap { ["--terms", $0.path(percentEncoded: false)] },
                inputFiles: inputs + termsInputs,
                outputFiles: [output]
            )
        ]
    }
}
