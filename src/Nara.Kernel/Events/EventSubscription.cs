using Microsoft.Extensions.DependencyInjection;

namespace Nara.Kernel.Events;

/// <summary>Written out by each consuming module in its AddServices: no handler is found by scanning.</summary>
public sealed record EventSubscription(Type EventType, Type HandlerType);

public static class EventServiceCollectionExtensions
{
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        services.AddSingleton(new EventSubscription(typeof(TEvent), typeof(THandler)));
        return services;
    }
}
