using System.Text.Json;
using Microsoft.Extensions.Options;
using Nara.Kernel.Data;

namespace Nara.Notifications.Channels;

/// <summary>
/// The development gateway: one JSON file per message under {DataDirectory}/{SmsOutbox}/. Writing to a
/// temporary name and renaming makes a file appear whole, and a second send of the same message finds
/// the file and changes nothing.
/// </summary>
internal sealed class FileSmsGateway(IOptions<NotificationsOptions> options, IOptions<DatabaseOptions> database) : ISmsGateway
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Directory => Path.GetFullPath(Path.Combine(database.Value.DataDirectory, options.Value.SmsOutbox));

    public async Task<DeliveryOutcome> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var path = Path.Combine(Directory, $"{message.Id:N}.json");
            if (File.Exists(path))
            {
                return DeliveryOutcome.Delivered;
            }

            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(message, Json), ct);
            File.Move(temporary, path, overwrite: true);
            return DeliveryOutcome.Delivered;
        }
        catch (IOException ex)
        {
            return DeliveryOutcome.Temporary($"The SMS outbox could not be written: {ex.GetType().Name}.");
        }
        catch (UnauthorizedAccessException)
        {
            return DeliveryOutcome.Technical("The SMS outbox directory is not writable.");
        }
    }
}
