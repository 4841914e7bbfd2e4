# One INTERFACE target carries the settings every Umbra target shares, so a
# library, the app, a test and a benchmark are all built the same way.
add_library(umbra_settings INTERFACE)
target_compile_features(umbra_settings INTERFACE cxx_std_20)
target_compile_options(umbra_settings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic>)
target_compile_definitions(umbra_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS)

# The QtCore headers that most files include, parsed once per target instead
# of once per file. With clang (the sanitized builds) that takes a fifth off
# a clean build; gcc spends longer writing each target's header than it saves.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set(precompile_by_default ON)
else()
    set(precompile_by_default OFF)
endif()
option(UMBRA_PRECOMPILE_HEADERS "Precompile the Qt headers most files include"
    ${precompile_by_default})
if(UMBRA_PRECOMPILE_HEADERS)
    target_precompile_headers(umbra_settings INTERFACE
        <QtCore/QObject> <QtCore/QString> <QtCore/QList> <QtCore/QHash> <QtCore/QDateTime>
        <QtCore/QTimer> <QtCore/QPointer> <QtCore/QThread> <QtCore/QMutex> <QtCore/QFuture>
        <QtCore/QJsonObject> <QtCore/QJsonArray> <QtCore/QJsonDocument>)
endif()

# Sanitized builds: -DUMBRA_SANITIZE=address,undefined or =thread (they do
# not mix). Every Umbra target gets the flags through umbra_settings; Qt and
# libvirt stay as Debian built them, so what is found is Umbra's.
set(UMBRA_SANITIZE "" CACHE STRING "Sanitizers to build with: address,undefined or thread")
if(UMBRA_SANITIZE)
    if(UMBRA_SANITIZE MATCHES "thread" AND UMBRA_SANITIZE MATCHES "address")
        message(FATAL_ERROR "UMBRA_SANITIZE: ThreadSanitizer cannot be combined with AddressSanitizer")
    endif()
    set(sanitize_flags -fsanitize=${UMBRA_SANITIZE} -fno-omit-frame-pointer)
    if(UMBRA_SANITIZE MATCHES "undefined")
        # A report is a failure, not a line in the log.
        list(APPEND sanitize_flags -fno-sanitize-recover=undefined)
    endif()
    target_compile_options(umbra_settings INTERFACE ${sanitize_flags})
    target_link_options(umbra_settings INTERFACE -fsanitize=${UMBRA_SANITIZE})
endif()
