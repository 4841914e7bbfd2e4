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
