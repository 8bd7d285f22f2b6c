using System.Runtime.InteropServices;
using SQLitePCL;

namespace Nara.Kernel.Data;

/// <summary>
/// A busy handler that retries every millisecond for up to 15 seconds. SQLite's busy_timeout handler sleeps
/// 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50 and then 100 ms between tries, so under steady writes a transaction
/// that found the lock taken kept sleeping long after it was free. SQLitePCLRaw does not wrap
/// sqlite3_busy_handler, so it is bound here from the same native library the provider loads (e_sqlite3);
/// where that library is not the one in use, the connection keeps busy_timeout.
/// </summary>
internal static class SqliteBusyHandler
{
    private const int Tries = 15_000;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyCallback(IntPtr state, int count);

    // Kept in a static field: native code holds the function pointer for the life of every connection.
    private static readonly BusyCallback Callback = Retry;

    private static bool _unavailable;

    public static void Install(sqlite3 handle)
    {
        if (_unavailable || raw.GetNativeLibraryName() != "e_sqlite3")
        {
            return;
        }

        try
        {
            _ = NativeMethods.sqlite3_busy_handler(handle.DangerousGetHandle(), Callback, IntPtr.Zero);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    private static int Retry(IntPtr state, int count)
    {
        if (count >= Tries)
        {
            return 0;
        }

        Thread.Sleep(1);
        return 1;
    }

    private static class NativeMethods
    {
        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_busy_handler(IntPtr db, BusyCallback callback, IntPtr state);
    }
}
