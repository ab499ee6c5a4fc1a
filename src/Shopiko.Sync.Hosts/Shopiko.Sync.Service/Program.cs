using Shopiko.Sync;
using Shopiko.Sync.Service;

try
{
    await ServiceHost.Build(ServiceHost.CreateBuilder(args)).RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception ex) when (ex is ShopikoSyncException or Microsoft.Extensions.Options.OptionsValidationException)
{
    // A settings mistake (or any other refusal of the library's) is one line a merchant's IT person can act on, not a
    // stack trace.
    Console.Error.WriteLine("Shopiko.Sync.Service: " + ex.Message);
    return 1;
}
