// Browser tests run one class at a time: two Chromium instances and two portals at once overload a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
