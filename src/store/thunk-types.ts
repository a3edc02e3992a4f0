/** The thunk arguments @wordpress/data gives a store's thunks, typed once for both stores. */
import type {
	CurriedSelectorsOf,
	DataRegistry,
	PromisifiedActionCreators,
	ReduxStoreConfig,
	StoreDescriptor,
} from '@wordpress/data';

export type DescriptorOf< State, Actions, Selectors > = StoreDescriptor<
	ReduxStoreConfig< State, Actions, Selectors >
>;

export interface StoreThunkArgs< State, Actions, Selectors, Action > {
	dispatch: PromisifiedActionCreators< Actions > & {
		< R >(
			thunk: (
				args: StoreThunkArgs< State, Actions, Selectors, Action >
			) => R
		): R;
		( action: Action ): unknown;
	};
	select: CurriedSelectorsOf< DescriptorOf< State, Actions, Selectors > >;
	registry: DataRegistry;
}
