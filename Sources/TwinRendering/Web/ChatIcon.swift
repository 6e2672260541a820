/// The web chat's icon (`icon.svg`): two overlapping circles, the teacher and the
/// professional, in the page's accent and focus colours. Every page links it, so that a browser
/// shows it in the tab and asks for no `/favicon.ico`.
enum ChatIcon {
    static let svg = #"""
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="12" cy="16" r="9" fill="#0a4f9c"/><circle cx="20" cy="16" r="9" fill="#b0005a" fill-opacity=".8"/></svg>
    """#
}
