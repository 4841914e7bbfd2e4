#pragma once

#include <QString>

class QCoreApplication;
class QElapsedTimer;

namespace Umbra {

// The database the console uses unless --database names one.
QString defaultDatabase(bool demo);

using TranslationInstaller = void (*)(QCoreApplication &);

// Runs the console with a window: opens the store, starts the engine on the
// requested hosts and shows the main window until the user quits.
int runConsole(int argc, char **argv, TranslationInstaller installTranslations,
               const QElapsedTimer &sinceMain);

} // namespace Umbra
