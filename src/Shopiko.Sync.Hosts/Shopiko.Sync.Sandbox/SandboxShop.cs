namespace Shopiko.Sync.Sandbox;

/// <summary>The sandbox shop (placeholder until issue 3 lands).</summary>
public static class SandboxShop
{
}
