#pragma once

namespace stable {

class MainWindow;

// The Library menu (People…, Add a Person…, Library Settings…) and, on a library with nobody in it yet, the
// banner that offers to add oneself as the first person.
void installLibraryMenu(MainWindow& window);

} // namespace stable
