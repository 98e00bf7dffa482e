package filter;

/**
 * What module Filter does. Edit freely: Edge Studio wrote this file once and never overwrites it.
 * When an input is added to the .edge module, {@link FilterInputs} gains a method to add here.
 */
public class FilterHandler implements FilterInputs {

	private final FilterModule module;

	/** A handler sending through the module's plumbing. */
	public FilterHandler(FilterModule module) {
		this.module = module;
	}

	@Override
	public void onInput1(Telemetry message) throws Exception {
		module.sendOutput1(message);
	}
}
