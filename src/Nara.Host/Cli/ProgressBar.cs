using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>A one-line progress bar on standard error; plain lines when the output is not a terminal.</summary>
internal sealed class ProgressBar(TextWriter output) : IProgress<SeedProgress>
{
    private string _stage = "";
    private int _lastPercent = -1;

    public void Report(SeedProgress value)
    {
        var percent = value.Total <= 0 ? 100 : (int)(value.Done * 100 / value.Total);
        if (value.Stage == _stage && percent == _lastPercent)
        {
            return;
        }

        if (value.Stage != _stage && _stage.Length > 0 && !Console.IsErrorRedirected)
        {
            output.WriteLine();
        }

        _stage = value.Stage;
        _lastPercent = percent;
        if (Console.IsErrorRedirected)
        {
            if (percent % 25 == 0)
            {
                output.WriteLine($"{value.Stage}: {percent}%");
            }

            return;
        }

        var filled = percent / 4;
        output.Write($"\r{value.Stage,-22} [{new string('#', filled)}{new string('.', 25 - filled)}] {percent,3}% {value.Done:N0}/{value.Total:N0}");
    }

    public void Finish()
    {
        if (!Console.IsErrorRedirected && _stage.Length > 0)
        {
            output.WriteLine();
        }
    }
}
